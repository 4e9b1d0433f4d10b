using System.Net;
using System.Text.RegularExpressions;
using Ctms.Identity.Domain;
using Ctms.Identity.Features.Passwords;
using Ctms.Identity.Features.Sessions;
using Ctms.Identity.Features.Users;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Audit;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed partial class UserAdministrationTests
{
    private const string Admin = "admin@demo.ctms";
    private const string NewPassword = "Harbour lights over Gwangan 9";

    private static UserAccess CoordinatorOfSeoul => new([CtmsRoles.Coordinator], null, [DemoIds.SiteOncologySeoul], []);

    [Fact]
    public async Task An_invited_person_sets_a_password_with_the_one_time_link_and_signs_in()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);

        Invitation invitation;
        await using (var scope = await app.UserScopeAsync(Admin))
        {
            var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<InviteUserCommand, Invitation>>()
                .HandleAsync(new InviteUserCommand("nari.new@demo.ctms", "Nari New", CoordinatorOfSeoul));
            Assert.True(result.IsSuccess, result.Describe());
            invitation = result.Value;
        }

        Assert.True(invitation.ExpiresAt > DateTimeOffset.UtcNow.AddHours(71));
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.TrySignInAsync(browser, "nari.new@demo.ctms", NewPassword)).StatusCode);
        Assert.Null(await SignedInAsAsync(app, "nari.new@demo.ctms", NewPassword));

        // The policy refuses a common password and the link stays usable.
        var weak = await SetPasswordAsync(browser, invitation.SetPasswordPath, "Password2026!!");
        Assert.Contains("too common", Uri.UnescapeDataString(weak.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var set = await SetPasswordAsync(browser, invitation.SetPasswordPath, NewPassword);
        Assert.StartsWith("/account/login?info=", set.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var signedIn = await SignIn.AsAsync(app, "nari.new@demo.ctms", NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologyBusan}/subjects")).StatusCode);

        // A re-issued link is refused once the password is set.
        await using (var scope = await app.UserScopeAsync(Admin))
        {
            var reissue = await scope.ServiceProvider.GetRequiredService<ICommandHandler<ReissueInvitationCommand, Invitation>>()
                .HandleAsync(new ReissueInvitationCommand(invitation.UserId));
            Assert.Equal("conflict", reissue.Errors.Single().Code);
        }

        // One time only: the new security stamp spent the link.
        var again = await SetPasswordAsync(browser, invitation.SetPasswordPath, "Another harbour at dusk 7");
        Assert.Contains("not valid any more", Uri.UnescapeDataString(again.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var audit = await app.AuditAsync(new AuditQuery(Module: "identity", EntityId: invitation.UserId));
        Assert.Contains(audit, e => e.Action == "account-created" && e.UserName == "Alex Admin" && e.NewValue!.Contains("Coordinator", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.Action == "invitation-accepted");
    }

    [Fact]
    public async Task A_new_invitation_link_voids_the_earlier_one()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        Invitation first, second;
        await using (var scope = await app.UserScopeAsync(Admin))
        {
            first = (await scope.ServiceProvider.GetRequiredService<ICommandHandler<InviteUserCommand, Invitation>>()
                .HandleAsync(new InviteUserCommand("late.reader@demo.ctms", "Late Reader", CoordinatorOfSeoul))).Value;
            second = (await scope.ServiceProvider.GetRequiredService<ICommandHandler<ReissueInvitationCommand, Invitation>>()
                .HandleAsync(new ReissueInvitationCommand(first.UserId))).Value;
        }

        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var stale = await SetPasswordAsync(browser, first.SetPasswordPath, NewPassword);
        Assert.Contains("not valid any more", Uri.UnescapeDataString(stale.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var fresh = await SetPasswordAsync(browser, second.SetPasswordPath, NewPassword);
        Assert.StartsWith("/account/login?info=", fresh.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains(await app.AuditAsync(new AuditQuery(Module: "identity", EntityId: first.UserId)), e => e.Action == "invitation-reissued");
    }

    [Fact]
    public async Task Only_administrators_invite_and_bad_input_changes_nothing()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);

        await using (var scope = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            var invite = scope.ServiceProvider.GetRequiredService<ICommandHandler<InviteUserCommand, Invitation>>();
            var refused = await invite.HandleAsync(new InviteUserCommand("someone@demo.ctms", "Some One", CoordinatorOfSeoul));
            Assert.Equal("forbidden", refused.Errors.Single().Code);
            var deactivate = await scope.ServiceProvider.GetRequiredService<ICommandHandler<DeactivateUserCommand, string>>()
                .HandleAsync(new DeactivateUserCommand(await IdOfAsync(app, Admin), "taking over"));
            Assert.Equal("forbidden", deactivate.Errors.Single().Code);
        }

        await using (var scope = await app.UserScopeAsync(Admin))
        {
            var invite = scope.ServiceProvider.GetRequiredService<ICommandHandler<InviteUserCommand, Invitation>>();
            var invalid = await invite.HandleAsync(new InviteUserCommand("not-an-email", "", new UserAccess([CtmsRoles.Coordinator, "Superuser"], null, [], [])));
            Assert.Equal(["Access.Roles[1]", "Access.SiteIds", "DisplayName", "Email"],
                invalid.Errors.Select(e => e.Field!).Order(StringComparer.Ordinal));
            var duplicate = await invite.HandleAsync(new InviteUserCommand("coordinator@demo.ctms", "Chloe Again", CoordinatorOfSeoul));
            Assert.Equal("Email", duplicate.Errors.Single().Field);
        }

        await using var check = app.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
        Assert.Null(await users.FindByEmailAsync("someone@demo.ctms"));
        Assert.Null(await users.FindByEmailAsync("not-an-email"));
    }

    [Fact]
    public async Task Deactivation_refuses_sign_in_renews_the_stamp_and_ends_open_sessions_and_circuits()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        // Validate the cookie on every request, so the test need not wait for the interval.
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Security:RevalidationMinutes"] = "0" });
        const string email = "investigator@demo.ctms";
        var userId = await IdOfAsync(app, email);
        using var openSession = await SignIn.AsAsync(app, email);
        var principal = await PrincipalOfAsync(app, email);
        var stampBefore = await StampOfAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await openSession.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects")).StatusCode);

        await using (var scope = await app.UserScopeAsync(Admin))
        {
            var deactivate = scope.ServiceProvider.GetRequiredService<ICommandHandler<DeactivateUserCommand, string>>();
            Assert.Equal("Reason", (await deactivate.HandleAsync(new DeactivateUserCommand(userId, " "))).Errors.Single().Field);
            var done = await deactivate.HandleAsync(new DeactivateUserCommand(userId, "left the site"));
            Assert.True(done.IsSuccess, done.Describe());
        }

        Assert.NotEqual(stampBefore, await StampOfAsync(app, email));
        Assert.Equal(HttpStatusCode.Unauthorized, (await openSession.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects")).StatusCode);
        Assert.Null(await SignedInAsAsync(app, email, CtmsAppFactory.DemoPassword));
        Assert.False(await CircuitStillValidAsync(app, principal));

        var audit = await app.AuditAsync(new AuditQuery(Module: "identity", EntityId: userId));
        Assert.Contains(audit, e => e.Action == "account-deactivated" && e.Reason == "left the site" && e.UserName == "Alex Admin");
        Assert.Contains(audit, e => e.Field == nameof(CtmsUser.IsActive) && e.Reason == "left the site");

        await using (var scope = await app.UserScopeAsync(Admin))
        {
            var reactivate = await scope.ServiceProvider.GetRequiredService<ICommandHandler<ReactivateUserCommand, string>>()
                .HandleAsync(new ReactivateUserCommand(userId, "back at the site"));
            Assert.True(reactivate.IsSuccess, reactivate.Describe());
        }

        using var back = await SignIn.AsAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects")).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_is_neither_deactivated_nor_demoted_and_nobody_deactivates_themself()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var adminId = await IdOfAsync(app, Admin);
        var monitorId = await IdOfAsync(app, "monitor@demo.ctms");

        await using (var scope = await app.UserScopeAsync(Admin))
        {
            var deactivate = scope.ServiceProvider.GetRequiredService<ICommandHandler<DeactivateUserCommand, string>>();
            var change = scope.ServiceProvider.GetRequiredService<ICommandHandler<ChangeUserAccessCommand, string>>();
            Assert.Contains("your own account", (await deactivate.HandleAsync(new DeactivateUserCommand(adminId, "leaving"))).Describe(), StringComparison.Ordinal);
            var demote = await change.HandleAsync(new ChangeUserAccessCommand(adminId, new UserAccess([CtmsRoles.Sponsor], DemoIds.TenantId, [], []), "role change"));
            Assert.Contains("last active administrator", demote.Describe(), StringComparison.Ordinal);

            // A second administrator makes the first one removable, by someone else.
            var promote = await change.HandleAsync(new ChangeUserAccessCommand(monitorId,
                new UserAccess([CtmsRoles.Administrator, CtmsRoles.Monitor], DemoIds.TenantId, [DemoIds.SiteOncologySeoul], []), "second administrator"));
            Assert.True(promote.IsSuccess, promote.Describe());
        }

        await using (var scope = await app.UserScopeAsync("monitor@demo.ctms"))
        {
            var deactivate = scope.ServiceProvider.GetRequiredService<ICommandHandler<DeactivateUserCommand, string>>();
            Assert.True((await deactivate.HandleAsync(new DeactivateUserCommand(adminId, "handed over"))).IsSuccess);
        }

        await using (var scope = await app.UserScopeAsync("monitor@demo.ctms"))
        {
            var change = scope.ServiceProvider.GetRequiredService<ICommandHandler<ChangeUserAccessCommand, string>>();
            var demoteSelf = await change.HandleAsync(new ChangeUserAccessCommand(monitorId, new UserAccess([CtmsRoles.Monitor], DemoIds.TenantId, [], []), "done"));
            Assert.Contains("last active administrator", demoteSelf.Describe(), StringComparison.Ordinal);
        }

        var audit = await app.AuditAsync(new AuditQuery(Module: "identity", EntityId: monitorId));
        Assert.Contains(audit, e => e.Action == "roles-changed" && e.Reason == "second administrator" && e.NewValue!.Contains("Administrator", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_person_changes_their_password_within_the_policy()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        const string email = "irb.member@demo.ctms";
        using var client = await SignIn.AsAsync(app, email);

        var common = await ChangePasswordAsync(client, CtmsAppFactory.DemoPassword, "Sunshine123456!");
        Assert.Contains("too common", common, StringComparison.Ordinal);
        var personal = await ChangePasswordAsync(client, CtmsAppFactory.DemoPassword, "member of the board 42");
        Assert.Contains("email address or name", personal, StringComparison.Ordinal);
        var wrong = await ChangePasswordAsync(client, "not my password at all", NewPassword);
        Assert.Contains("current password is not correct", wrong, StringComparison.Ordinal);

        Assert.Equal("/account/password?changed=true", await ChangePasswordAsync(client, CtmsAppFactory.DemoPassword, NewPassword));
        // The refreshed cookie keeps this session going.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/password")).StatusCode);
        Assert.Null(await SignedInAsAsync(app, email, CtmsAppFactory.DemoPassword));
        Assert.NotNull(await SignedInAsAsync(app, email, NewPassword));
    }

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient browser, string path, string password)
    {
        var page = await browser.GetStringAsync(path);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), path).Query);
        return await browser.PostAsync("/account/set-password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = query["user"]!,
            ["Token"] = query["token"]!,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
    }

    /// <summary>The redirect after posting the change-password form: its location, with any error unescaped.</summary>
    private static async Task<string> ChangePasswordAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetStringAsync("/account/password");
        var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = next,
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Uri.UnescapeDataString(response.Headers.Location!.OriginalString);
    }

    private static async Task<string?> SignedInAsAsync(CtmsAppFactory app, string email, string password)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await SignIn.TrySignInAsync(client, email, password);
        return response.Headers.Location?.OriginalString is { } location && !location.Contains("error", StringComparison.Ordinal) ? location : null;
    }

    private static async Task<string> IdOfAsync(CtmsAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>().FindByEmailAsync(email))!.Id;
    }

    private static async Task<string?> StampOfAsync(CtmsAppFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>().FindByEmailAsync(email))!.SecurityStamp;
    }

    /// <summary>The principal a sign-in creates now: what a circuit opened now would hold.</summary>
    private static async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(CtmsAppFactory app, string email)
    {
        await using var scope = await app.UserScopeAsync(email);
        return scope.ServiceProvider.GetRequiredService<ICurrentUser>().Principal;
    }

    private static async Task<bool> CircuitStillValidAsync(CtmsAppFactory app, System.Security.Claims.ClaimsPrincipal principal)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var provider = Assert.IsType<AccountRevalidatingStateProvider>(scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>());
        return await provider.IsStillValidAsync(principal);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
