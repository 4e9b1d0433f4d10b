using System.Security.Cryptography;
using System.Text.Json;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Features.Oidc;
using Ctms.Identity.Persistence;
using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Ctms.Identity.Features.Clients;

/// <summary>
/// Administrators register the OpenID Connect clients: machine clients (client credentials) carry the role and scope
/// they act with as application properties, which <see cref="OidcServer"/> turns into the token's CTMS claims.
/// </summary>
internal sealed class ClientRegistrationHandlers(
    CtmsIdentityDbContext db,
    IOpenIddictApplicationManager applications,
    ICurrentUser current) :
    ICommandHandler<RegisterMachineClientCommand, ClientSecretIssued>,
    ICommandHandler<RegisterPublicClientCommand, string>,
    ICommandHandler<RotateClientSecretCommand, ClientSecretIssued>,
    ICommandHandler<DisableClientCommand, string>,
    ICommandHandler<EnableClientCommand, string>
{
    public async Task<Result<ClientSecretIssued>> HandleAsync(RegisterMachineClientCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await applications.FindByClientIdAsync(command.ClientId, cancellationToken) is not null)
        {
            return Error.Validation(nameof(command.ClientId), $"A client {command.ClientId} exists already.");
        }

        var secret = NewSecret();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = command.ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = command.DisplayName.Trim(),
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        foreach (var scope in command.Scopes.Distinct())
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        descriptor.Properties[OidcServer.RolesProperty] = JsonSerializer.SerializeToElement(new[] { command.Role });
        descriptor.Properties[OidcServer.SitesProperty] = JsonSerializer.SerializeToElement(command.SiteIds.Distinct().Select(id => id.ToString()).ToArray());
        if (!string.IsNullOrWhiteSpace(command.TenantId))
        {
            descriptor.Properties[OidcServer.TenantProperty] = JsonSerializer.SerializeToElement(new[] { command.TenantId.Trim() });
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        db.AddAuditEvent(AuditEntry.Event(IdentityAuditEvents.Client, command.ClientId, IdentityAuditEvents.ClientRegistered,
            $"client credentials; role {command.Role}; tenant {command.TenantId ?? "none"}; sites {string.Join(", ", command.SiteIds)}; scopes {string.Join(' ', command.Scopes)}"));
        await db.SaveChangesAsync(cancellationToken);
        return new ClientSecretIssued(command.ClientId, secret);
    }

    public async Task<Result<string>> HandleAsync(RegisterPublicClientCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await applications.FindByClientIdAsync(command.ClientId, cancellationToken) is not null)
        {
            return Error.Validation(nameof(command.ClientId), $"A client {command.ClientId} exists already.");
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = command.ClientId,
            ClientType = ClientTypes.Public,
            DisplayName = command.DisplayName.Trim(),
            ConsentType = ConsentTypes.Implicit,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + OidcServer.ApiScope,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var uri in command.RedirectUris.Distinct())
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        db.AddAuditEvent(AuditEntry.Event(IdentityAuditEvents.Client, command.ClientId, IdentityAuditEvents.ClientRegistered,
            $"authorization code + PKCE (public); redirect URIs {string.Join(' ', command.RedirectUris)}"));
        await db.SaveChangesAsync(cancellationToken);
        return command.ClientId;
    }

    public async Task<Result<ClientSecretIssued>> HandleAsync(RotateClientSecretCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await applications.FindByClientIdAsync(command.ClientId, cancellationToken) is not { } application)
        {
            return Error.NotFound($"The client {command.ClientId}");
        }

        if (!await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            return Error.Conflict("A public client has no secret to rotate.");
        }

        var secret = NewSecret();
        await applications.UpdateAsync(application, secret, cancellationToken);
        db.AddAuditEvent(AuditEntry.Event(IdentityAuditEvents.Client, command.ClientId, IdentityAuditEvents.ClientSecretRotated,
            "the earlier secret no longer works", reason: command.Reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return new ClientSecretIssued(command.ClientId, secret);
    }

    public Task<Result<string>> HandleAsync(DisableClientCommand command, CancellationToken cancellationToken = default) =>
        SetDisabledAsync(command.ClientId, true, command.Reason, cancellationToken);

    public Task<Result<string>> HandleAsync(EnableClientCommand command, CancellationToken cancellationToken = default) =>
        SetDisabledAsync(command.ClientId, false, command.Reason, cancellationToken);

    /// <summary>Kept, not deleted: the audit trail names the client. A disabled client gets no new tokens.</summary>
    private async Task<Result<string>> SetDisabledAsync(string clientId, bool disabled, string reason, CancellationToken cancellationToken)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is not { } application)
        {
            return Error.NotFound($"The client {clientId}");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        if (OidcServer.IsDisabled(descriptor.Properties) == disabled)
        {
            return Error.Conflict(disabled ? "The client is disabled already." : "The client is enabled already.");
        }

        descriptor.Properties[OidcServer.DisabledProperty] = JsonSerializer.SerializeToElement(disabled);
        // PopulateAsync copies the stored secret hash, so UpdateAsync keeps the secret as it is.
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        db.AddAuditEvent(AuditEntry.Event(IdentityAuditEvents.Client, clientId,
            disabled ? IdentityAuditEvents.ClientDisabled : IdentityAuditEvents.ClientEnabled, reason: reason.Trim()));
        await db.SaveChangesAsync(cancellationToken);
        return clientId;
    }

    /// <summary>32 random bytes, URL-safe: long enough that no password policy is needed.</summary>
    private static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private Error? Refused() => current.IsInRole(CtmsRoles.Administrator) ? null : Error.Forbidden("Only administrators register and manage clients.");
}
