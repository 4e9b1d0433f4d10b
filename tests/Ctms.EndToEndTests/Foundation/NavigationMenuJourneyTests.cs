using Ctms.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.Foundation;

/// <summary>
/// The navigation menu is plain links in MudNavLink's markup and the theme a static stylesheet (both for memory per
/// circuit, docs/performance.md): the menu still shows a person's places by role, navigates, marks the current page,
/// and the theme's CSS variables are in force.
/// </summary>
[Trait("Category", "Foundation")]
public sealed class NavigationMenuJourneyTests
{
    [BrowserFact]
    public async Task The_menu_shows_the_roles_places_navigates_and_marks_the_current_page()
    {
        await using var app = await LiveApp.StartAsync();
        var page = await app.SignInAsync("coordinator@demo.ctms");
        var links = page.Locator("nav.mud-navmenu a.mud-nav-link");

        await Expect(links).ToHaveTextAsync(["Home", "My sites", "Site sync", "Two-factor sign-in", "Change password"]);
        var mySites = links.Filter(new() { HasText = "My sites" });
        await Expect(mySites).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));

        await links.Filter(new() { HasText = "Site sync" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/sitesync$"));
        await Expect(links.Filter(new() { HasText = "Site sync" })).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));
        await Expect(mySites).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bactive\b"));

        var primary = await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-primary')");
        Assert.False(string.IsNullOrWhiteSpace(primary), "the theme stylesheet's CSS variables are not applied");
        var sponsor = await app.SignInAsync("sponsor@demo.ctms");
        await Expect(sponsor.Locator("nav.mud-navmenu a.mud-nav-link"))
            .ToHaveTextAsync(["Home", "Site progress", "Trials", "Two-factor sign-in", "Change password"]);
    }
}
