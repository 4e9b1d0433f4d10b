using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Projections;

/// <summary>Visit events → <see cref="VisitFact"/>, one row per visit id; occurred/missed are never undone by a later schedule.</summary>
internal sealed class VisitProjection(ReportingDbContext db)
{
    public async Task ApplyAsync(VisitScheduleUpdated e, CancellationToken ct)
    {
        Require.Ids(e.SubjectId, e.TrialId, e.SiteId);
        var ids = e.Visits.Select(v => v.VisitId).ToList();
        var known = await db.Visits.Where(v => ids.Contains(v.VisitId)).ToDictionaryAsync(v => v.VisitId, ct);
        // A schedule delivered after the withdrawal must not bring the withdrawn subject's visits back as planned.
        var withdrawn = await db.Subjects.AnyAsync(s => s.SubjectId == e.SubjectId && s.WithdrawnOn != null, ct);
        foreach (var planned in e.Visits)
        {
            Require.Ids(planned.VisitId);
            if (!known.TryGetValue(planned.VisitId, out var row))
            {
                // Not found above; the visit's own event (occurred, missed) may be creating the row right now, on another endpoint.
                row = await FirstInsert.StoredAsync(db, new VisitFact(planned.VisitId, e.SubjectId, e.TrialId, e.SiteId, planned.VisitName), ct);
            }

            row.Plan(planned.Order, planned.Planned, planned.Earliest, planned.Latest);
            if (withdrawn)
            {
                row.MarkNotApplicable();
            }
        }
    }

    public async Task ApplyAsync(VisitOccurred e, CancellationToken ct) =>
        (await RowAsync(e.VisitId, e.SubjectId, e.TrialId, e.SiteId, e.VisitName, ct)).MarkOccurred(e.OccurredOn, e.Planned, e.WithinWindow);

    public async Task ApplyAsync(VisitMissed e, CancellationToken ct) =>
        (await RowAsync(e.VisitId, e.SubjectId, e.TrialId, e.SiteId, e.VisitName, ct)).MarkMissed(e.Planned);

    private async Task<VisitFact> RowAsync(Guid visitId, Guid subjectId, Guid trialId, Guid siteId, string visitName, CancellationToken ct)
    {
        Require.Ids(visitId, subjectId, trialId, siteId);
        Require.Text(visitName, "visit name");
        // The schedule, or the visit's other event, may be creating the row right now, on another endpoint.
        return await FirstInsert.RowAsync(db, new VisitFact(visitId, subjectId, trialId, siteId, visitName), ct);
    }
}
