using System.Text.RegularExpressions;
using Ctms.EndToEndTests.Support;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed partial class AccountAdministrationJourneyTests
{
    private const string Password = "Harbour lights over Gwangan 9";

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    [BrowserFact]
    public async Task Administrator_invites_a_coordinator_who_sets_a_password_from_the_link_and_signs_in()
    {
        await using var app = await LiveApp.StartAsync();
        var admin = await app.SignInAsync("admin@demo.ctms");
        await admin.GotoAsync("/admin/users");
        await LiveApp.WaitForCircuitAsync(admin);

        await admin.ClickAsync("[data-testid=users-invite]");
        await Input(admin, "invite-email").FillAsync("nari.new@demo.ctms");
        await Input(admin, "invite-name").FillAsync("Nari New");
        await Input(admin, "invite-role-Coordinator").CheckAsync();
        await Input(admin, "invite-sites").FillAsync(DemoIds.SiteOncologySeoul.ToString());
        await admin.ClickAsync("[data-testid=invite-send]");
        var link = admin.Locator("[data-testid=invitation-link]");
        await Expect(link).ToContainTextAsync("/account/set-password?user=");
        await Expect(admin.Locator("[data-testid=users-table]")).ToContainTextAsync("nari.new@demo.ctms");

        // The invited person opens the link in their own browser.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync((await link.InnerTextAsync()).Trim());
        await page.FillAsync("#password", "Password2026!!");
        await page.FillAsync("#confirm", "Password2026!!");
        await page.ClickAsync("[data-testid=set-password]");
        await Expect(page.Locator("[data-testid=set-password-error]")).ToContainTextAsync("too common");

        await page.FillAsync("#password", Password);
        await page.FillAsync("#confirm", Password);
        await page.ClickAsync("[data-testid=set-password]");
        await Expect(page.Locator("[data-testid=login-info]")).ToContainTextAsync("Your password is set");

        await page.FillAsync("#email", "nari.new@demo.ctms");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("[data-testid=sign-in]");
        await LiveApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Nari New");
    }

    [BrowserFact]
    public async Task An_idle_session_warns_then_signs_out_to_the_login_page()
    {
        await using var app = await LiveApp.StartAsync(await TestBackend.SqliteInMemoryBusAsync(), new Dictionary<string, string?>
        {
            ["Security:IdleTimeoutMinutes"] = "0.2",
            ["Security:IdleWarningSeconds"] = "6",
        });
        var page = await app.SignInAsync("coordinator@demo.ctms");

        await Expect(page.Locator("[data-testid=idle-warning]")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.ClickAsync("[data-testid=idle-stay]");
        await Expect(page.Locator("[data-testid=idle-warning]")).Not.ToBeVisibleAsync();

        await Expect(page).ToHaveURLAsync(LoginUrl(), new() { Timeout = 30_000 });
        await Expect(page.Locator("[data-testid=login-info]")).ToContainTextAsync("signed out after a period without activity");
        await page.GotoAsync("/admin/users");
        await Expect(page).ToHaveURLAsync(LoginUrl());
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex LoginUrl();
}
