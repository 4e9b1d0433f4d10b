using Ctms.EndToEndTests.Support;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.Foundation;

/// <summary>
/// The app bar's menu button hides and shows the navigation drawer. It is also the interaction the
/// <c>circuits</c> benchmark's headless clients click, so this proves that click does what it claims.
/// </summary>
[Trait("Category", "Foundation")]
public sealed class MenuToggleJourneyTests
{
    [BrowserFact]
    public async Task The_menu_button_hides_and_shows_the_navigation()
    {
        await using var app = await LiveApp.StartAsync();
        var page = await app.SignInAsync("coordinator@demo.ctms");
        var drawer = page.Locator(".mud-drawer");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));

        await page.ClickAsync("[data-testid=toggle-menu]");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--closed"));

        await page.ClickAsync("[data-testid=toggle-menu]");
        await Expect(drawer).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("mud-drawer--open"));
    }
}
