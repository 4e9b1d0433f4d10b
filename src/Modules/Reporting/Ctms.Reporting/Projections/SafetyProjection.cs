using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Projections;

/// <summary>
/// Deviations and serious adverse events, one row per id (a repeated id is the same fact: the first stored stays). Stored
/// at once rather than with the inbox row: a repeated id delivered concurrently must not fail on the duplicate key.
/// </summary>
internal sealed class SafetyProjection(ReportingDbContext db)
{
    public async Task ApplyAsync(DeviationRecorded e, CancellationToken ct)
    {
        Require.Ids(e.DeviationId, e.TrialId, e.SiteId);
        Require.Text(e.Severity, "deviation severity");
        await FirstInsert.InsertIfAbsentAsync(db, new DeviationFact(e.DeviationId, e.TrialId, e.SiteId, e.SubjectId, e.SubjectNumber ?? "",
            e.Category ?? "", e.Severity, e.Source ?? "", e.OccurredOn, e.IdentifiedOn), ct);
    }

    public async Task ApplyAsync(SeriousAdverseEventReported e, CancellationToken ct)
    {
        Require.Ids(e.AdverseEventId, e.TrialId, e.SiteId);
        await FirstInsert.InsertIfAbsentAsync(db, new SaeFact(e.AdverseEventId, e.TrialId, e.SiteId, e.SubjectNumber ?? "", e.Term ?? "", e.AwareAt,
            e.DueAt, e.ReportedAt, e.Late), ct);
    }
}
