using Ctms.Identity.Features.Oidc;
using Ctms.Shared.Handlers;
using Ctms.Shared.Security;
using FluentValidation;

namespace Ctms.Identity.Features.Clients;

/// <summary>A site system or sponsor integration calling the API with client credentials, acting with one role and scope.</summary>
internal sealed record RegisterMachineClientCommand(
    string ClientId, string DisplayName, IReadOnlyList<string> Scopes, string Role, string? TenantId, IReadOnlyList<Guid> SiteIds)
    : ICommand<ClientSecretIssued>;

/// <summary>A third-party app signing people in with authorization code + PKCE (a public client: no secret).</summary>
internal sealed record RegisterPublicClientCommand(string ClientId, string DisplayName, IReadOnlyList<string> RedirectUris) : ICommand<string>;

internal sealed record RotateClientSecretCommand(string ClientId, string Reason) : ICommand<ClientSecretIssued>;

internal sealed record DisableClientCommand(string ClientId, string Reason) : ICommand<string>;

internal sealed record EnableClientCommand(string ClientId, string Reason) : ICommand<string>;

/// <summary>The secret is shown this once: only its hash is stored.</summary>
internal sealed record ClientSecretIssued(string ClientId, string Secret);

internal static class ClientRules
{
    /// <summary>Machine clients act for a site or a sponsor; administration stays with people.</summary>
    public static readonly IReadOnlyList<string> MachineRoles = [CtmsRoles.Sponsor, CtmsRoles.Coordinator, CtmsRoles.Investigator, CtmsRoles.Monitor];

    public static readonly IReadOnlyList<string> Scopes = [OidcServer.ApiScope];

    public static IRuleBuilderOptions<T, string> ClientIdRules<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage("Enter a client id.")
            .Matches("^[a-z0-9][a-z0-9._-]{2,99}$").WithMessage("A client id is 3 to 100 lower-case letters, digits, dots, dashes or underscores.");
}

internal sealed class RegisterMachineClientValidator : AbstractValidator<RegisterMachineClientCommand>
{
    public RegisterMachineClientValidator()
    {
        RuleFor(c => c.ClientId).ClientIdRules();
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Name the system (it shows in the audit trail).").MaximumLength(200);
        RuleFor(c => c.Scopes).NotEmpty().WithMessage("Give the client at least one scope.");
        RuleForEach(c => c.Scopes).Must(s => ClientRules.Scopes.Contains(s)).WithMessage(s => $"'{s}' is not a scope clients may be given.");
        RuleFor(c => c.Role).Must(r => ClientRules.MachineRoles.Contains(r))
            .WithMessage($"A client acts as one of: {string.Join(", ", ClientRules.MachineRoles)}.");
        RuleFor(c => c.TenantId).NotEmpty().When(c => c.Role is CtmsRoles.Sponsor or CtmsRoles.Monitor)
            .WithMessage("A sponsor or monitor client works for a tenant: give it.");
        RuleFor(c => c.SiteIds).NotEmpty().When(c => c.Role is CtmsRoles.Coordinator or CtmsRoles.Investigator)
            .WithMessage("A site system acts for one or more sites: give their ids.");
    }
}

internal sealed class RegisterPublicClientValidator : AbstractValidator<RegisterPublicClientCommand>
{
    public RegisterPublicClientValidator()
    {
        RuleFor(c => c.ClientId).ClientIdRules();
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Name the app.").MaximumLength(200);
        RuleFor(c => c.RedirectUris).NotEmpty().WithMessage("Give at least one redirect URI.");
        RuleForEach(c => c.RedirectUris).Must(BeAbsoluteWithoutFragment)
            .WithMessage(u => $"'{u}' is not a redirect URI: use https (http only to localhost) or an app's own scheme like com.example.app, without a fragment.");
    }

    // RFC 8252: https, loopback http for desktop apps, or a private-use scheme (reverse domain name) for mobile apps.
    // "/path" parses as an absolute file: URI on Unix, which this also refuses.
    private static bool BeAbsoluteWithoutFragment(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && string.IsNullOrEmpty(parsed.Fragment) &&
        (parsed.Scheme == Uri.UriSchemeHttps || (parsed.Scheme == Uri.UriSchemeHttp && parsed.IsLoopback) || parsed.Scheme.Contains('.'));
}

internal sealed class RotateClientSecretValidator : AbstractValidator<RotateClientSecretCommand>
{
    public RotateClientSecretValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the secret is replaced (it goes into the audit trail).").MaximumLength(500);
    }
}

internal sealed class DisableClientValidator : AbstractValidator<DisableClientCommand>
{
    public DisableClientValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the client is disabled (it goes into the audit trail).").MaximumLength(500);
    }
}

internal sealed class EnableClientValidator : AbstractValidator<EnableClientCommand>
{
    public EnableClientValidator()
    {
        RuleFor(c => c.ClientId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the client is enabled again (it goes into the audit trail).").MaximumLength(500);
    }
}
