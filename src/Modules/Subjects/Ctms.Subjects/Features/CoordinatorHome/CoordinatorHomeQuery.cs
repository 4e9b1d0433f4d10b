using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.CoordinatorHome;

internal sealed record CoordinatorHomeQuery : IQuery<CoordinatorHomeView>;

internal sealed record ReconsentRow(Guid SubjectId, Guid SiteId, string SubjectNumber, string? VersionLabel);

internal sealed record SaeClock(Guid SubjectId, Guid SiteId, string SubjectNumber, string Term, DateTimeOffset AwareAt, DateTimeOffset DueAt, DateTimeOffset ReportedAt)
{
    public bool Late => ReportedAt > DueAt;
}

/// <param name="Today">The date every window state on the page is computed for.</param>
internal sealed record CoordinatorHomeView(
    DateOnly Today,
    IReadOnlyList<SiteSummary> Sites,
    IReadOnlyList<VisitSummary> DueToday,
    IReadOnlyList<VisitSummary> DueThisWeek,
    IReadOnlyList<VisitSummary> Overdue,
    IReadOnlyList<ReconsentRow> Reconsent,
    IReadOnlyList<SaeClock> SaeClocks);

/// <summary>The coordinator's sites and what needs doing there: visits due, overdue visits, re-consents, SAE clocks.</summary>
internal sealed class CoordinatorHomeHandler(SubjectsDbContext db, ISitesQueries sites, ICurrentUser user, TimeProvider clock)
    : IQueryHandler<CoordinatorHomeQuery, CoordinatorHomeView>
{
    public async Task<Result<CoordinatorHomeView>> HandleAsync(CoordinatorHomeQuery query, CancellationToken cancellationToken = default)
    {
        if (!user.IsAuthenticated || (!user.IsInRole(CtmsRoles.Coordinator) && !user.IsInRole(CtmsRoles.Investigator)))
        {
            return Error.Forbidden("Only site coordinators and investigators have a coordinator home.");
        }

        var siteIds = user.SiteIds.ToList();
        var today = clock.Today();
        var weekEnd = today.AddDays(7);
        var planned = await SubjectsQueries.VisitSummaries(db.Visits.AsNoTracking()
                .Where(v => siteIds.Contains(v.SiteId) && v.Status == VisitStatus.Planned && v.Earliest <= weekEnd))
            .ToListAsync(cancellationToken);
        var reconsent = await db.Subjects.AsNoTracking().Where(s => siteIds.Contains(s.SiteId) && s.ReconsentVersionId != null)
            .OrderBy(s => s.SubjectNumber).Select(s => new ReconsentRow(s.Id, s.SiteId, s.SubjectNumber, s.ReconsentVersionLabel)).ToListAsync(cancellationToken);
        var saes = (await db.AdverseEvents.AsNoTracking().Where(a => siteIds.Contains(a.SiteId) && a.DueAt != null).ToListAsync(cancellationToken))
            .OrderByDescending(a => a.AwareAt)
            .Select(a => new SaeClock(a.SubjectId, a.SiteId, a.SubjectNumber, a.Term, a.AwareAt, a.DueAt!.Value, a.ReportedAt))
            .ToList();

        var ordered = planned.OrderBy(v => v.Planned).ThenBy(v => v.SubjectNumber).ToList();
        return new CoordinatorHomeView(today,
            await sites.ListAsync(siteIds, cancellationToken),
            ordered.Where(v => v.StateOn(today) != "overdue" && v.Planned == today).ToList(),
            ordered.Where(v => v.StateOn(today) is "open-before-target" or "open-after-target" or "not-yet-open" && v.Planned > today && v.Planned <= weekEnd).ToList(),
            ordered.Where(v => v.StateOn(today) == "overdue").ToList(),
            reconsent,
            saes);
    }
}
