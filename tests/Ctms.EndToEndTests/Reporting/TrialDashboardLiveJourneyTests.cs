using System.Globalization;
using System.Text.RegularExpressions;
using Ctms.EndToEndTests.Support;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.Reporting;

/// <summary>
/// A sponsor watches the trial dashboard while a coordinator, in another browser context, enrolls a subject:
/// the site's count and the charts' numbers tables change on the open page, which never reloads.
/// </summary>
[Trait("Category", "Reporting")]
public sealed class TrialDashboardLiveJourneyTests
{
    private const string ReloadMarker = "sponsor-page-loaded-once";

    [BrowserFact]
    public async Task Sponsor_sees_the_site_count_and_the_charts_change_live_when_a_coordinator_enrolls()
    {
        await using var app = await LiveApp.StartAsync();

        var sponsor = await app.SignInAsync("sponsor@demo.ctms");
        await sponsor.GotoAsync($"/sponsor/trials/{DemoIds.TrialOncology}");
        await LiveApp.WaitForCircuitAsync(sponsor);
        var siteCount = sponsor.Locator("[data-testid=site-enrolled-SEL01]");
        var chartCount = sponsor.Locator("[data-testid=enrollment-by-site-table] [data-testid=chart-enrolled-SEL01]");
        var trialCount = sponsor.Locator("[data-testid=trial-enrolled-count]");
        await Expect(siteCount).ToHaveTextAsync(new Regex(@"^\d+$"));
        var siteBefore = int.Parse(await siteCount.InnerTextAsync(), CultureInfo.InvariantCulture);
        var trialBefore = int.Parse(await trialCount.InnerTextAsync(), CultureInfo.InvariantCulture);
        await Expect(chartCount).ToHaveTextAsync(siteBefore.ToString(CultureInfo.InvariantCulture));

        // A full page load would lose this; a re-render pushed over the circuit keeps it.
        await sponsor.EvaluateAsync($"() => {{ window.ctmsReloadMarker = '{ReloadMarker}'; }}");

        await SubjectJourney.ReadyToEnrollInScopeAsync(app.Factory, "coordinator@demo.ctms", DemoIds.SiteOncologySeoul);
        var coordinator = await app.SignInAsync("coordinator@demo.ctms");
        await coordinator.ClickAsync("[data-testid=open-site-SEL01]");
        await LiveApp.WaitForCircuitAsync(coordinator);
        await coordinator.ClickAsync("[data-testid=subject-SEL01-001]");
        await LiveApp.WaitForCircuitAsync(coordinator);
        await coordinator.ClickAsync("[data-testid=action-enroll]");
        await coordinator.ClickAsync("[data-testid=enroll-submit]");
        await Expect(coordinator.Locator("[data-testid=subject-status]")).ToHaveTextAsync("on-study");

        var siteAfter = (siteBefore + 1).ToString(CultureInfo.InvariantCulture);
        var trialAfter = (trialBefore + 1).ToString(CultureInfo.InvariantCulture);
        var live = new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 };
        await Expect(siteCount).ToHaveTextAsync(siteAfter, live);
        await Expect(chartCount).ToHaveTextAsync(siteAfter, live);
        await Expect(trialCount).ToHaveTextAsync(trialAfter, live);
        // The recruitment line's numbers: today's cumulative count now includes the new subject.
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lastDay = sponsor.Locator("[data-testid=recruitment-table] tbody tr").Last;
        await Expect(lastDay.Locator("td").Nth(0)).ToHaveTextAsync(today, live);
        await Expect(lastDay.Locator("td").Nth(1)).ToHaveTextAsync(trialAfter, live);

        Assert.Equal(ReloadMarker, await sponsor.EvaluateAsync<string?>("() => window.ctmsReloadMarker ?? null"));
        await Expect(sponsor).ToHaveURLAsync(new Regex($"/sponsor/trials/{DemoIds.TrialOncology}$"));
    }
}
