using System.Text.RegularExpressions;
using Ctms.EndToEndTests.Support;
using Ctms.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.AccessAudit;

/// <summary>
/// An administrator turns on two-factor sign-in, signs in again with the authenticator code, verifies the audit
/// trail and signs the review (user id + password), then sees the signature's manifestation.
/// </summary>
[Trait("Category", "AccessAudit")]
public sealed partial class TwoFactorSigningJourneyTests
{
    [BrowserFact]
    public async Task Administrator_enrols_totp_signs_in_with_it_and_signs_the_audit_review()
    {
        await using var app = await LiveApp.StartAsync();

        // Enrol: the page shows the key (and QR code); the "app" computes the code from the key.
        var first = await app.SignInAsync("admin@demo.ctms");
        await first.GotoAsync("/account/two-factor");
        await LiveApp.WaitForCircuitAsync(first);
        await Expect(first.Locator("[data-testid=totp-qr]")).ToBeVisibleAsync();
        var key = (await first.Locator("[data-testid=totp-key]").InnerTextAsync()).Trim();
        await first.FillAsync("#totp-code", Totp.Code(key));
        await first.ClickAsync("[data-testid=two-factor-confirm]");
        await Expect(first.Locator("[data-testid=recovery-codes]")).ToContainTextAsync("-");

        // Sign in again in a fresh browser: password, then the authenticator code.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", "admin@demo.ctms");
        await page.FillAsync("#password", CtmsAppFactory.DemoPassword);
        await page.ClickAsync("[data-testid=sign-in]");
        await Expect(page).ToHaveURLAsync(TwoFactorUrl());
        await Expect(page.Locator("#remember-device")).Not.ToBeCheckedAsync();
        await page.FillAsync("#code", Totp.Code(key));
        await page.ClickAsync("[data-testid=sign-in-2fa]");
        await LiveApp.WaitForCircuitAsync(page);
        await Expect(page.Locator("[data-testid=signed-in-as]")).ToContainTextAsync("Alex Admin");

        // Verify the chains, sign the review, see the manifestation.
        await page.GotoAsync("/admin/audit");
        await LiveApp.WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=audit-verify]");
        await Expect(page.Locator("[data-testid=audit-verification-identity]")).ToContainTextAsync("identity: OK");
        await page.ClickAsync("[data-testid=audit-sign-review]");
        await Expect(page.Locator("[data-testid=signing-preview]")).ToContainTextAsync("Signed by Alex Admin");
        await Expect(page.Locator("[data-testid=signing-preview]")).ToContainTextAsync("meaning: review");
        await page.FillAsync("#signing-user", "admin@demo.ctms");
        await page.FillAsync("#signing-password", CtmsAppFactory.DemoPassword);
        await page.ClickAsync("[data-testid=signing-submit]");

        var manifestation = page.Locator("[data-testid=signature-manifestation]");
        await Expect(manifestation).ToContainTextAsync(new Regex(@"Signed by Alex Admin on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC — meaning: review"));

        // Re-verifying changes what was signed (the chain grew): the signature shows as invalid.
        await page.ClickAsync("[data-testid=audit-verify]");
        await Expect(page.Locator("[data-testid=signature-invalid]")).ToContainTextAsync("Signature invalid: record changed after signing");
    }

    [GeneratedRegex("/account/login-2fa")]
    private static partial Regex TwoFactorUrl();
}
