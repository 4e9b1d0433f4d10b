using Ctms.IntegrationTests.Support;
using Microsoft.Playwright;

namespace Ctms.Benchmarks.Circuits;

/// <summary>
/// Real Chromium tabs on the same page beside the headless circuits (Debian's /usr/bin/chromium, never a
/// downloaded browser): the server must count them alongside, and the click the headless clients send must
/// do in a browser what it claims to do (hide the menu).
/// </summary>
internal sealed class BrowserCircuits : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserCircuits(IPlaywright playwright, IBrowser browser, int open, bool clickHidesMenu)
    {
        _playwright = playwright;
        _browser = browser;
        Open = open;
        ClickHidesMenu = clickHidesMenu;
    }

    public int Open { get; }

    public bool ClickHidesMenu { get; }

    public static string? Chromium =>
        Environment.GetEnvironmentVariable("CTMS_CHROMIUM") is { Length: > 0 } path ? path : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium" : null;

    public static async Task<BrowserCircuits> OpenAsync(Uri baseAddress, int tabs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium ?? throw new InvalidOperationException("No Chromium: apt-get install -y chromium, or set CTMS_CHROMIUM."),
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        });
        var clickHidesMenu = false;
        for (var i = 0; i < tabs; i++)
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login");
            await page.FillAsync("#email", CircuitClientProcess.Coordinator);
            await page.FillAsync("#password", CtmsAppFactory.DemoPassword);
            await page.ClickAsync("[data-testid=sign-in]");
            await page.GotoAsync(CircuitClientProcess.PagePath);
            await page.Locator("[data-testid=circuit][data-circuit=connected]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
            if (i == 0)
            {
                var menu = page.Locator(".mud-drawer");
                var before = await menu.GetAttributeAsync("class") ?? "";
                await page.ClickAsync($"[data-testid={CircuitClientProcess.ClickTestId}]");
                await page.WaitForFunctionAsync("() => !document.querySelector('.mud-drawer').classList.contains('mud-drawer--open')");
                clickHidesMenu = before.Contains("mud-drawer--open", StringComparison.Ordinal);
            }
        }

        return new BrowserCircuits(playwright, browser, tabs, clickHidesMenu);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
