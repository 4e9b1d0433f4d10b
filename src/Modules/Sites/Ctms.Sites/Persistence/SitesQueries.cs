using Ctms.Sites.Contracts;
using Ctms.Sites.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Persistence;

internal sealed class SitesQueries(SitesDbContext db) : ISitesQueries
{
    public async Task<SiteSummary?> GetAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        (await Summaries(db.Sites.Where(s => s.Id == siteId)).ToListAsync(cancellationToken)).SingleOrDefault();

    public async Task<IReadOnlyList<SiteSummary>> ListAsync(IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken = default) =>
        await Summaries(db.Sites.Where(s => siteIds.Contains(s.Id)).OrderBy(s => s.Code)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SiteSummary>> ListForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await Summaries(db.Sites.Where(s => s.TrialId == trialId).OrderBy(s => s.Code)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<InstitutionSummary>> ListInstitutionsAsync(CancellationToken cancellationToken = default) =>
        await db.Institutions.AsNoTracking().OrderBy(i => i.Name)
            .Select(i => new InstitutionSummary(i.Id, i.Name, i.Country, i.IrbId)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SiteMilestoneSummary>> ListMilestonesForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await (from m in db.Set<SiteMilestone>().AsNoTracking()
               join s in db.Sites.AsNoTracking().IgnoreAutoIncludes() on m.SiteId equals s.Id
               where s.TrialId == trialId
               orderby s.Code, m.Order
               select new SiteMilestoneSummary(m.SiteId, s.TrialId, m.Kind, m.Order, m.PlannedDate, m.ActualDate))
            .ToListAsync(cancellationToken);

    public async Task<bool> CanPerformAsync(string userId, Guid siteId, string responsibility, DateOnly date, CancellationToken cancellationToken = default)
    {
        // One round trip for the staff member and their entries covering the date: the site gateway asks this for every message.
        var found = await db.Staff.AsNoTracking().Where(s => s.SiteId == siteId && s.UserId == userId)
            .Select(s => new
            {
                Staff = s,
                Entries = db.Delegations.AsNoTracking()
                    .Where(d => d.SiteId == siteId && d.StaffMemberId == s.Id && d.StartDate <= date && (d.EndDate == null || d.EndDate >= date))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null || !found.Staff.TrainingCurrentOn(date))
        {
            return false;
        }

        return found.Entries.Any(e => e.Responsibilities.Contains(responsibility) && e.IsSigned);
    }

    // Filter and order on the entities first: a projection into a record cannot be translated back into SQL.
    private IQueryable<SiteSummary> Summaries(IQueryable<Site> sites) =>
        from s in sites.AsNoTracking()
        join i in db.Institutions.AsNoTracking() on s.InstitutionId equals i.Id
        select new SiteSummary(s.Id, s.TrialId, s.InstitutionId, i.Name, s.Code, s.PrincipalInvestigator, s.Status, s.TargetEnrollment);
}
