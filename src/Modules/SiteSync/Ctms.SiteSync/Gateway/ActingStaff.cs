using System.Security.Claims;
using Ctms.Identity.Contracts;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.SiteSync.Gateway;

/// <summary>
/// The person a site message is applied as: the Ctms user named in <c>enteredBy</c>, as a coordinator of the sending
/// site only (whatever else they may do elsewhere), so the Subjects module's scope checks and audit trail name them.
/// With <c>SiteSync:Gateway:RequireDelegation</c> they must also hold a PI-signed delegation for the task (ADR 0011),
/// read live for every message; the site's trial and tenant never change and come from <see cref="SiteTenants"/>.
/// </summary>
internal sealed class ActingStaff(IIdentityQueries identity, ISitesQueries sites, ITrialsQueries trials, SiteTenants tenants)
{
    public async Task<(ClaimsPrincipal? Principal, Reason? Refusal)> ForAsync(
        string email, RegisteredSite site, string responsibility, bool requireDelegation, DateOnly today, CancellationToken cancellationToken)
    {
        var user = await identity.FindByEmailAsync(email, cancellationToken);
        if (user is null)
        {
            return (null, new Reason("enteredBy", "unknown-user", $"No Ctms user has the email '{email}'."));
        }

        var tenant = await tenants.ForAsync(site.SiteId, sites, trials, cancellationToken);
        if (tenant is null)
        {
            return (null, new Reason("siteCode", "wrong-site", $"Site {site.Code} is not known to the central."));
        }

        if (requireDelegation && !await sites.CanPerformAsync(user.UserId, site.SiteId, responsibility, today, cancellationToken))
        {
            return (null, new Reason("enteredBy", "not-delegated",
                $"{user.DisplayName} has no signed delegation for {responsibility} at site {site.Code} today (or their GCP training is not current)."));
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.UserId),
            new(ClaimTypes.Name, user.Email),
            new(CtmsClaims.DisplayName, $"{user.DisplayName} (via site system {site.Code})"),
            new(ClaimTypes.Role, CtmsRoles.Coordinator),
            new(CtmsClaims.Site, site.SiteId.ToString()),
        };
        if (tenant.TenantId is not null)
        {
            claims.Add(new Claim(CtmsClaims.Tenant, tenant.TenantId));
        }

        return (new ClaimsPrincipal(new ClaimsIdentity(claims, "site-sync", ClaimTypes.Name, ClaimTypes.Role)), null);
    }
}
