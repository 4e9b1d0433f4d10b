using Ctms.EndToEndTests.Support;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.Foundation;

/// <summary>
/// The walking skeleton in a real browser: a coordinator enrolls a subject at their site while a sponsor,
/// in another browser context, watches the site's count change without reloading.
/// </summary>
[Trait("Category", "Foundation")]
public sealed class WalkingSkeletonJourneyTests
{
    [BrowserFact]
    public async Task Coordinator_enrolls_and_the_sponsor_sees_the_count_change_live()
    {
        await using var app = await LiveApp.StartAsync();

        var sponsor = await app.SignInAsync("sponsor@demo.ctms");
        await Expect(sponsor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sponsor$"));
        var count = sponsor.Locator("[data-testid=site-enrolled-SEL01]");
        await Expect(count).ToHaveTextAsync("0");

        // Screened, consented and eligible as site data; the enrollment itself in the browser.
        await SubjectJourney.ReadyToEnrollInScopeAsync(app.Factory, "coordinator@demo.ctms", DemoIds.SiteOncologySeoul);

        var coordinator = await app.SignInAsync("coordinator@demo.ctms");
        await Expect(coordinator).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/coordinator$"));
        await coordinator.ClickAsync("[data-testid=open-site-SEL01]");
        await LiveApp.WaitForCircuitAsync(coordinator);
        await Expect(coordinator.Locator("[data-testid=enrolled-count]")).ToContainTextAsync("Enrolled: 0 / 60");
        await coordinator.ClickAsync("[data-testid=subject-SEL01-001]");
        await LiveApp.WaitForCircuitAsync(coordinator);
        await coordinator.ClickAsync("[data-testid=action-enroll]");
        await coordinator.ClickAsync("[data-testid=enroll-submit]");
        await Expect(coordinator.Locator("[data-testid=subject-status]")).ToHaveTextAsync("on-study");

        // No reload on the sponsor's page: the Reporting projection pushes the change to the open circuit.
        await Expect(count).ToHaveTextAsync("1", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        await Expect(sponsor.Locator("[data-testid=trial-HB-ONC-301] [data-testid=trial-enrolled]")).ToContainTextAsync("Enrolled 1 of 120");
    }

    [BrowserFact]
    public async Task A_wrong_password_is_refused_with_a_message_and_no_session()
    {
        await using var app = await LiveApp.StartAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/sponsor");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.FillAsync("#email", "sponsor@demo.ctms");
        await page.FillAsync("#password", "not-the-password-at-all");
        await page.ClickAsync("[data-testid=sign-in]");

        await Expect(page.Locator("[data-testid=login-error]")).ToContainTextAsync("not correct");
        await page.GotoAsync("/sponsor");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
    }
}
