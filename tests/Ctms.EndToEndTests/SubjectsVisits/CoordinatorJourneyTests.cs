using Ctms.EndToEndTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.SubjectsVisits;

/// <summary>
/// The coordinator's journey in a real browser: screen, consent, eligibility, enroll, randomize, record the first visit
/// outside its window with a reason, and see the protocol deviation it raised.
/// </summary>
[Trait("Category", "SubjectsVisits")]
public sealed class CoordinatorJourneyTests
{
    private static ILocator Input(IPage page, string testId) => page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [BrowserFact]
    public async Task Coordinator_screens_consents_assesses_enrolls_randomizes_and_records_an_out_of_window_visit()
    {
        await using var app = await LiveApp.StartAsync();
        var page = await app.SignInAsync("coordinator@demo.ctms");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/coordinator$"));
        await page.ClickAsync("[data-testid=open-site-SEL01]");
        await LiveApp.WaitForCircuitAsync(page);

        await Input(page, "screen-name").FillAsync("Kim Demo");
        await page.ClickAsync("[data-testid=screen]");
        await Expect(page.Locator("[data-testid=subject-number]")).ToHaveTextAsync("SEL01-001");
        await LiveApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=subject-identifiers]")).ToContainTextAsync("Kim Demo");
        await Expect(page.Locator("[data-testid=subject-status]")).ToHaveTextAsync("screening");

        await page.ClickAsync("[data-testid=action-consent]");
        await page.ClickAsync("[data-testid=consent-submit]");
        await Expect(page.Locator("[data-testid=consents]")).ToContainTextAsync("Participant information and consent form 1.0");

        await page.ClickAsync("[data-testid=action-eligibility]");
        // The demo oncology protocol's inclusion criteria, each ticked through its label.
        foreach (var criterion in new[] { "Age 19 years or older", "Histologically confirmed advanced gastric adenocarcinoma", "ECOG performance status 0 or 1",
                     "Adequate organ function" })
        {
            await page.Locator("[data-testid=eligibility-dialog]").GetByText(criterion, new LocatorGetByTextOptions { Exact = true }).ClickAsync();
        }

        await page.ClickAsync("[data-testid=eligibility-submit]");
        await Expect(page.Locator("[data-testid=subject-status]")).ToHaveTextAsync("eligible");

        await page.ClickAsync("[data-testid=action-enroll]");
        await page.ClickAsync("[data-testid=enroll-submit]");
        await Expect(page.Locator("[data-testid=subject-status]")).ToHaveTextAsync("on-study");

        await page.ClickAsync("[data-testid=action-randomize]");
        await page.ClickAsync("[data-testid=factor-ECOG]");
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasTextString = "1" }).First.ClickAsync();
        await page.ClickAsync("[data-testid=randomize-submit]");
        await Expect(page.Locator("[data-testid=subject-arm]")).ToContainTextAsync("Arm:");

        // The screening visit's window closed the day before enrollment: recording it today needs a reason.
        await page.ClickAsync("[data-testid=record-visit-1]");
        await page.ClickAsync("[data-testid=visit-submit]");
        await Expect(page.Locator("[data-testid=visit-dialog]")).ToContainTextAsync("outside the window");
        await page.Locator("textarea[data-testid=visit-reason], [data-testid=visit-reason] textarea").First.FillAsync("Laboratory results arrived late");
        await page.ClickAsync("[data-testid=visit-submit]");

        await Expect(page.Locator("[data-testid=visit-state-1]")).ToHaveTextAsync("occurred");
        await Expect(page.Locator("[data-testid=deviations] [data-testid=deviation-row]")).ToContainTextAsync("visit-window");
        await Expect(page.Locator("[data-testid=deviations]")).ToContainTextAsync("Laboratory results arrived late");
    }
}
