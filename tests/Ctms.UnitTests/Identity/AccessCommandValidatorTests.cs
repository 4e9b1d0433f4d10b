using Ctms.Identity.Features.Clients;
using Ctms.Identity.Features.Passwords;
using Ctms.Identity.Features.Users;
using Ctms.Shared.Security;

namespace Ctms.UnitTests.Identity;

[Trait("Category", "AccessAudit")]
public sealed class AccessCommandValidatorTests
{
    private static readonly Guid Site = Guid.NewGuid();

    [Fact]
    public void An_invitation_needs_an_email_a_name_a_known_role_and_the_scope_the_role_works_in()
    {
        var invalid = new InviteUserValidator().Validate(new InviteUserCommand("chloe", " ",
            new UserAccess([CtmsRoles.Sponsor, CtmsRoles.IrbChair, "Root"], null, [], [])));

        Assert.Equal(["Access.IrbIds", "Access.Roles[2]", "Access.TenantId", "DisplayName", "Email"],
            invalid.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.True(new InviteUserValidator().Validate(new InviteUserCommand("chloe@site.example", "Chloe",
            new UserAccess([CtmsRoles.Coordinator], null, [Site], []))).IsValid);
    }

    [Fact]
    public void Changing_access_deactivating_and_reactivating_need_a_reason()
    {
        var access = new UserAccess([CtmsRoles.Monitor], "tenant-1", [Site], []);

        Assert.Equal("Reason", Assert.Single(new ChangeUserAccessValidator().Validate(new ChangeUserAccessCommand("u1", access, "")).Errors).PropertyName);
        Assert.Equal("Reason", Assert.Single(new DeactivateUserValidator().Validate(new DeactivateUserCommand("u1", "  ")).Errors).PropertyName);
        Assert.Equal("Reason", Assert.Single(new ReactivateUserValidator().Validate(new ReactivateUserCommand("u1", "")).Errors).PropertyName);
    }

    [Fact]
    public void A_machine_client_never_acts_as_administrator_and_gets_only_known_scopes()
    {
        var invalid = new RegisterMachineClientValidator().Validate(new RegisterMachineClientCommand("site-system", "Site system", ["openid", "ctms.api"], CtmsRoles.Administrator, null, []));

        Assert.Equal(["Role", "Scopes[0]"], invalid.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_public_client_needs_https_loopback_or_app_scheme_redirect_uris_without_fragments()
    {
        var invalid = new RegisterPublicClientValidator().Validate(new RegisterPublicClientCommand("app", "App", ["/relative", "https://app.example/cb#frag", "http://app.example/cb", "https://app.example/ok", "http://127.0.0.1:7890/cb", "com.example.app:/cb"]));

        Assert.Equal(["RedirectUris[0]", "RedirectUris[1]", "RedirectUris[2]"], invalid.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Password_commands_need_matching_confirmation_and_a_new_password_that_differs()
    {
        var change = new ChangePasswordValidator().Validate(new ChangePasswordCommand("Same old phrase 1", "Same old phrase 1", "Something else 22"));
        var accept = new AcceptInvitationValidator().Validate(new AcceptInvitationCommand("u1", "", "A long phrase here", "A long phrase there"));

        Assert.Equal(["ConfirmPassword", "NewPassword"], change.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
        Assert.Equal(["ConfirmPassword", "Token"], accept.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }
}
