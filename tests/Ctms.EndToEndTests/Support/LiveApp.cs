using Ctms.IntegrationTests.Support;
using Microsoft.Playwright;

namespace Ctms.EndToEndTests.Support;

/// <summary>The real app listening on a loopback port, on a fresh SQLite backend, with a browser to drive it.</summary>
public sealed class LiveApp : IAsyncDisposable
{
    private LiveApp(TestBackend backend, CtmsAppFactory factory, IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        Backend = backend;
        Factory = factory;
        Playwright = playwright;
        Browser = browser;
        BaseAddress = baseAddress;
    }

    public TestBackend Backend { get; }
    public CtmsAppFactory Factory { get; }
    public IPlaywright Playwright { get; }
    public IBrowser Browser { get; }
    public Uri BaseAddress { get; }

    public static async Task<LiveApp> StartAsync() => await StartAsync(await TestBackend.SqliteInMemoryBusAsync());

    /// <summary>The app on the given backend (disposed with the app), with settings such as another <c>Center:Id</c>.</summary>
    public static async Task<LiveApp> StartAsync(TestBackend backend, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var factory = new CtmsAppFactory(backend, overrides);
        factory.UseKestrel(0);
        factory.StartServer();
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        return new LiveApp(backend, factory, playwright, browser, factory.ClientOptions.BaseAddress);
    }

    /// <summary>A fresh browser context (own cookies), signed in through the real form, on a live circuit.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        page.Console += (_, message) => Console.Error.WriteLine($"[browser {email}] {message.Type}: {message.Text}");
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", CtmsAppFactory.DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await WaitForCircuitAsync(page);
        return page;
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit][data-circuit=connected]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
        await Factory.DisposeAsync();
        await Backend.DisposeAsync();
    }
}
