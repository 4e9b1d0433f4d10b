using System.Text.RegularExpressions;
using Ctms.EndToEndTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.TrialsSites;

/// <summary>
/// A sponsor user registers a trial, builds its five-visit schedule of assessments, adds two sites and tries to
/// activate one: the refusal lists what is missing.
/// </summary>
[Trait("Category", "TrialsSites")]
public sealed partial class TrialSetupJourneyTests
{
    /// <summary>MudBlazor puts a field's attributes on the input or on its wrapper, depending on the component.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid='{testId}'], [data-testid='{testId}'] input").First;

    [BrowserFact]
    public async Task Sponsor_registers_a_trial_with_a_five_visit_schedule_adds_two_sites_and_sees_activation_refused_with_reasons()
    {
        await using var app = await LiveApp.StartAsync();
        var page = await app.SignInAsync("sponsor@demo.ctms");

        await page.GotoAsync("/trials");
        await LiveApp.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=new-trial]");
        await Expect(page).ToHaveURLAsync(new Regex("/trials/new$"));
        await LiveApp.WaitForCircuitAsync(page);

        await Field(page, "trial-protocol-number").FillAsync("HB-E2E-101");
        await Field(page, "trial-registry-id").FillAsync("KCT0001234");
        await Field(page, "trial-area").FillAsync("Oncology");
        await Field(page, "trial-title").FillAsync("An end-to-end study of HB-E2E in solid tumours");
        await page.SelectOptionAsync("[data-testid=trial-phase]", "phase-2");
        await page.FillAsync("[data-testid=arm-name-0]", "HB-E2E 10 mg");
        await page.ClickAsync("[data-testid=register-trial]");

        await Expect(page.Locator("[data-testid=trial-heading]")).ToHaveTextAsync("HB-E2E-101", new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=trial-status]")).ToHaveTextAsync("in-review");

        // The schedule of assessments of protocol 1.0.
        await page.Locator(".mud-tab", new() { HasText = "Protocol versions" }).ClickAsync();
        await Expect(page.Locator("[data-testid='version-1.0']")).ToContainTextAsync("draft");
        (string Name, int Target, int Before, int After)[] visits =
        [
            ("Screening", -1, 27, 0), ("Baseline", 1, 0, 0), ("Week 2", 15, 3, 3), ("Week 4", 29, 3, 3), ("End of treatment", 85, 7, 7),
        ];
        for (var i = 0; i < visits.Length; i++)
        {
            await page.ClickAsync("[data-testid=add-visit]");
            await Expect(page.Locator($"[data-testid=visit-name-{i}]")).ToBeVisibleAsync();
        }

        for (var i = 0; i < visits.Length; i++)
        {
            var (name, target, before, after) = visits[i];
            await page.FillAsync($"[data-testid=visit-name-{i}]", name);
            await page.FillAsync($"[data-testid=visit-target-{i}]", target.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync($"[data-testid=visit-before-{i}]", before.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await page.FillAsync($"[data-testid=visit-after-{i}]", after.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await page.ClickAsync("[data-testid=save-schedule]");
        await Expect(page.Locator("[data-testid='timeline-End of treatment']")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.Locator("[data-testid=timeline] tbody tr")).ToHaveCountAsync(5);
        await Expect(page.Locator("[data-testid=visit-name-4]")).ToHaveValueAsync("End of treatment");

        // Two sites.
        await page.ClickAsync("[data-testid=trial-sites]");
        await Expect(page).ToHaveURLAsync(new Regex("/sites$"));
        await LiveApp.WaitForCircuitAsync(page);
        await AddSiteAsync(page, "Seoul", "SEL21", "Dr. Choi Yuna");
        await AddSiteAsync(page, "Busan", "PUS21", "Dr. Jung Hoon");
        await Expect(page.Locator("[data-testid=sites] tbody tr")).ToHaveCountAsync(2);

        // Activation is refused, listing every missing thing.
        await page.ClickAsync("[data-testid=open-site-SEL21]");
        await LiveApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=site-status]")).ToHaveTextAsync("pending");
        await page.ClickAsync("[data-testid=site-status-active]");
        await page.ClickAsync("[data-testid=confirm-site-status-yes]");

        var refusal = page.Locator("[data-testid=activation-refused]");
        await Expect(refusal.Locator("li")).ToHaveCountAsync(2);
        await Expect(refusal.Locator("[data-testid=refusal-no-submitted-protocol]")).ToContainTextAsync("HB-E2E-101 has no submitted protocol version");
        await Expect(refusal.Locator("[data-testid=refusal-delegation-log-empty]")).ToContainTextAsync("delegation log of site SEL21");
        await Expect(page.Locator("[data-testid=site-status]")).ToHaveTextAsync("pending");
    }

    private static async Task AddSiteAsync(IPage page, string institution, string code, string pi)
    {
        var option = await page.Locator("[data-testid=site-institution] option", new() { HasText = institution }).GetAttributeAsync("value");
        await page.SelectOptionAsync("[data-testid=site-institution]", option!);
        await Field(page, "site-code").FillAsync(code);
        await Field(page, "site-pi").FillAsync(pi);
        await page.ClickAsync("[data-testid=add-site]");
        await Expect(page.Locator("[data-testid=sites]")).ToContainTextAsync(code);
    }
}
