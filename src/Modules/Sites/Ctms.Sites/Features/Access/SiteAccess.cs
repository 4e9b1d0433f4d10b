using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Domain;
using Ctms.Sites.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.Access;

/// <summary>
/// Who may do what with a site, asked by every handler: the sponsor (tenant of the site's trial) manages sites;
/// the site's own staff (coordinators, investigators with the site in scope) see the site and keep its delegation log;
/// only an investigator of the site signs it.
/// </summary>
internal static class SiteAccess
{
    public static bool IsSponsorOf(ICurrentUser user, TrialSummary trial) => user.IsSponsorOf(trial.TenantId);

    public static bool IsStaffOf(ICurrentUser user, Guid siteId) => user.IsStaffOf(siteId);

    public static bool IsInvestigatorOf(ICurrentUser user, Guid siteId) =>
        user.IsAuthenticated && user.IsInRole(CtmsRoles.Investigator) && user.SiteIds.Contains(siteId);

    /// <summary>The sponsor's trial, or not-found (another tenant's trial is not disclosed) / forbidden.</summary>
    public static async Task<Result<TrialSummary>> SponsorTrialAsync(ICurrentUser user, ITrialsQueries trials, Guid trialId, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            return Error.Forbidden("Sign in to manage sites.");
        }

        if (!user.IsInRole(CtmsRoles.Sponsor) && !user.IsInRole(CtmsRoles.Administrator))
        {
            return Error.Forbidden("Only sponsor users and administrators manage a trial's sites.");
        }

        var trial = await trials.GetAsync(trialId, cancellationToken);
        return trial is null || trial.TenantId != user.TenantId ? Error.NotFound("The trial") : trial;
    }

    /// <summary>A tracked site with its trial, when the user is its sponsor (or, with <paramref name="staffToo"/>, on its staff).</summary>
    public static async Task<Result<(Site Site, TrialSummary Trial)>> LoadSiteAsync(SitesDbContext db, ICurrentUser user, ITrialsQueries trials, Guid siteId,
        bool staffToo, CancellationToken cancellationToken)
    {
        if (!user.IsAuthenticated)
        {
            return Error.Forbidden("Sign in to work with sites.");
        }

        // A circuit keeps its scope (and context) for as long as the page is open: start from the database, not the tracker.
        db.ChangeTracker.Clear();
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == siteId, cancellationToken);
        var trial = site is null ? null : await trials.GetAsync(site.TrialId, cancellationToken);
        if (site is null || trial is null)
        {
            return Error.NotFound("The site");
        }

        if (IsSponsorOf(user, trial) || (staffToo && IsStaffOf(user, siteId)))
        {
            return (site, trial);
        }

        // Sponsors of other tenants and staff of other sites learn nothing about the site.
        return IsStaffOf(user, siteId) ? Error.Forbidden("Only the trial's sponsor can do this.") : Error.NotFound("The site");
    }
}
