using System.Security.Claims;

namespace Ctms.Shared.Security;

/// <summary>Who is acting, with the scope handlers check. Read from the request or the Blazor circuit.</summary>
public interface ICurrentUser
{
    ClaimsPrincipal Principal { get; }
    bool IsAuthenticated { get; }
    string? UserId { get; }
    string DisplayName { get; }
    string? TenantId { get; }
    IReadOnlySet<Guid> SiteIds { get; }
    IReadOnlySet<Guid> IrbIds { get; }
    bool IsInRole(string role);
}

/// <summary>
/// Holds the principal for the current DI scope. Middleware fills it for HTTP requests and a circuit handler
/// for Blazor circuits (where HttpContext must not be used), so handlers read one thing everywhere.
/// </summary>
public sealed class CurrentUserAccessor : ICurrentUser
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal { get; private set; } = Anonymous;

    public void Set(ClaimsPrincipal? principal) => Principal = principal ?? Anonymous;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? Principal.FindFirstValue("sub");
    public string DisplayName => Principal.FindFirstValue(CtmsClaims.DisplayName) ?? Principal.Identity?.Name ?? "anonymous";
    public string? TenantId => Principal.FindFirstValue(CtmsClaims.Tenant);
    public IReadOnlySet<Guid> SiteIds => Ids(CtmsClaims.Site);
    public IReadOnlySet<Guid> IrbIds => Ids(CtmsClaims.Irb);
    public bool IsInRole(string role) => Principal.IsInRole(role);

    private HashSet<Guid> Ids(string claimType) =>
        Principal.FindAll(claimType).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)
            .Where(id => id != Guid.Empty).ToHashSet();
}
