using System.Net;
using System.Text.RegularExpressions;
using Ctms.Identity.Domain;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Audit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed partial class TwoFactorAndHardeningTests
{
    [Fact]
    public async Task With_two_factor_on_the_password_alone_does_not_sign_in_and_the_totp_or_a_recovery_code_does()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        string key;
        string recoveryCode;
        await using (var scope = await app.UserScopeAsync("investigator@demo.ctms"))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
            var user = (await users.FindByEmailAsync("investigator@demo.ctms"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
            await users.SetTwoFactorEnabledAsync(user, true);
            recoveryCode = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.First();
        }

        // Password accepted: no session yet, the code is asked for.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var password = await SignIn.TrySignInAsync(client, "investigator@demo.ctms", CtmsAppFactory.DemoPassword);
        Assert.StartsWith("/account/login-2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var notYet = await client.GetAsync("/api/v1/sites/" + Ctms.Shared.Demo.DemoIds.SiteOncologySeoul + "/subjects");
        Assert.Equal(HttpStatusCode.Unauthorized, notYet.StatusCode);

        var page = await client.GetStringAsync("/account/login-2fa?returnUrl=%2F");
        Assert.DoesNotContain("checked", Regex.Match(page, "<input id=\"remember-device\"[^>]*>").Value, StringComparison.Ordinal);
        using var wrong = await PostCodeAsync(client, page, "000000" == Totp.Code(key) ? "111111" : "000000");
        Assert.Contains("error", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);

        page = await client.GetStringAsync("/account/login-2fa?returnUrl=%2F");
        using var right = await PostCodeAsync(client, page, Totp.Code(key));
        Assert.Equal("/", right.Headers.Location!.OriginalString);
        using var now = await client.GetAsync("/api/v1/sites/" + Ctms.Shared.Demo.DemoIds.SiteOncologySeoul + "/subjects");
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);

        // A recovery code works once, in a fresh session.
        var other = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await SignIn.TrySignInAsync(other, "investigator@demo.ctms", CtmsAppFactory.DemoPassword);
        using var recovered = await PostCodeAsync(other, await other.GetStringAsync("/account/login-2fa"), recoveryCode);
        Assert.Equal("/", recovered.Headers.Location!.OriginalString);

        var actions = (await app.AuditAsync(new AuditQuery(Module: "identity", EntityType: "Account")))
            .Where(e => e.UserName == "Dr. Kim Min-jun").OrderBy(e => e.Sequence).Select(e => e.Action).ToList();
        Assert.Equal(["account-created", "sign-in-password-accepted", "sign-in-failed", "sign-in", "sign-in-password-accepted", "sign-in"], actions);
    }

    [Fact]
    public async Task Responses_carry_security_headers_for_blazor_server()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var response = await app.CreateClient().GetAsync("/account/login");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task In_production_the_app_refuses_demo_settings_and_names_them()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        await using var production = app.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var refused = Assert.ThrowsAny<Exception>(() => production.Server);

        var message = refused.ToString();
        Assert.Contains("Seed:Demo must be false", message, StringComparison.Ordinal);
        Assert.Contains("Seed:DemoPassword", message, StringComparison.Ordinal);
        Assert.Contains("Oidc:SigningCertificate:Path", message, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string page, string code) =>
        client.PostAsync("/account/signin-2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Code"] = code,
            ["ReturnUrl"] = "/",
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
