using System.Collections.Concurrent;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.SiteSync.Gateway;

/// <summary>The tenant of a registered site's trial (none if the trial is not found), as the acting staff member's claims need it.</summary>
internal sealed record SiteTenant(string? TenantId);

/// <summary>
/// Remembers each site's trial and tenant for the life of the process: a site's trial and a trial's tenant are set
/// when they are created and never change, so reading them for every site message (two queries) bought nothing.
/// A site not found is not remembered, so one added later is found on its next message.
/// </summary>
internal sealed class SiteTenants
{
    private readonly ConcurrentDictionary<Guid, SiteTenant> _known = new();

    public async Task<SiteTenant?> ForAsync(Guid siteId, ISitesQueries sites, ITrialsQueries trials, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(siteId, out var known))
        {
            return known;
        }

        var summary = await sites.GetAsync(siteId, cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var trial = await trials.GetAsync(summary.TrialId, cancellationToken);
        var tenant = new SiteTenant(trial?.TenantId);
        if (trial is not null)
        {
            _known[siteId] = tenant;
        }

        return tenant;
    }
}
