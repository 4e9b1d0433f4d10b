using System.Text.Json;
using Ctms.Identity.Features.Oidc;
using Ctms.Identity.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using OpenIddict.Abstractions;

namespace Ctms.Identity.Features.Clients;

internal sealed record ListClientsQuery : IQuery<IReadOnlyList<ClientRow>>;

internal sealed record ClientRow(string ClientId, string DisplayName, bool IsPublic, bool IsDisabled, string ActsAs, string Scopes, string RedirectUris);

internal sealed class ListClientsHandler(CtmsIdentityDbContext db, IOpenIddictApplicationManager applications, ICurrentUser current)
    : IQueryHandler<ListClientsQuery, IReadOnlyList<ClientRow>>
{
    public async Task<Result<IReadOnlyList<ClientRow>>> HandleAsync(ListClientsQuery query, CancellationToken cancellationToken = default)
    {
        if (!current.IsInRole(CtmsRoles.Administrator))
        {
            return Error.Forbidden("Only administrators see the clients.");
        }

        db.ChangeTracker.Clear();
        var rows = new List<ClientRow>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken))
        {
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application, cancellationToken);
            var properties = descriptor.Properties;
            var actsAs = string.Join("; ", new[]
            {
                Values(properties, OidcServer.RolesProperty) is { Length: > 0 } roles ? "role " + roles : null,
                Values(properties, OidcServer.TenantProperty) is { Length: > 0 } tenant ? "tenant " + tenant : null,
                Values(properties, OidcServer.SitesProperty) is { Length: > 0 } sites ? "sites " + sites : null,
            }.OfType<string>());
            rows.Add(new ClientRow(
                descriptor.ClientId ?? "",
                descriptor.DisplayName ?? "",
                descriptor.ClientType == OpenIddictConstants.ClientTypes.Public,
                OidcServer.IsDisabled(properties),
                actsAs.Length == 0 ? "the signed-in person" : actsAs,
                string.Join(' ', descriptor.Permissions.Where(p => p.StartsWith(OpenIddictConstants.Permissions.Prefixes.Scope, StringComparison.Ordinal))
                    .Select(p => p[OpenIddictConstants.Permissions.Prefixes.Scope.Length..])),
                string.Join(' ', descriptor.RedirectUris)));
        }

        return rows.OrderBy(r => r.ClientId, StringComparer.Ordinal).ToList();
    }

    private static string Values(Dictionary<string, JsonElement> properties, string name) =>
        !properties.TryGetValue(name, out var value) ? ""
        : value.ValueKind == JsonValueKind.Array ? string.Join(", ", value.EnumerateArray().Select(v => v.GetString()))
        : value.ToString();
}
