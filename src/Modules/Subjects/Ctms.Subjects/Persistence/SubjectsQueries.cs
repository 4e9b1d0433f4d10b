using Ctms.Subjects.Contracts;
using Ctms.Subjects.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Persistence;

internal sealed class SubjectsQueries(SubjectsDbContext db) : ISubjectsQueries
{
    public async Task<IReadOnlyList<SubjectSummary>> ListForSiteAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        await Summaries(db.Subjects.AsNoTracking().Where(s => s.SiteId == siteId).OrderBy(s => s.SubjectNumber))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<SubjectSummary>> ListForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await Summaries(db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId).OrderBy(s => s.SubjectNumber))
            .ToListAsync(cancellationToken);

    public async Task<SubjectSummary?> GetAsync(Guid subjectId, CancellationToken cancellationToken = default) =>
        await Summaries(db.Subjects.AsNoTracking().Where(s => s.Id == subjectId)).SingleOrDefaultAsync(cancellationToken);

    public async Task<SubjectSummary?> FindByNumberAsync(Guid siteId, string subjectNumber, CancellationToken cancellationToken = default) =>
        await Summaries(db.Subjects.AsNoTracking().Where(s => s.SiteId == siteId && s.SubjectNumber == subjectNumber))
            .SingleOrDefaultAsync(cancellationToken);

    public async Task<int> CountEnrolledAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await db.TrialCounters.AsNoTracking().Where(c => c.TrialId == trialId).Select(c => c.Enrolled).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<VisitSummary>> ListVisitsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await VisitSummaries(db.Visits.AsNoTracking().Where(v => v.TrialId == trialId).OrderBy(v => v.SubjectNumber).ThenBy(v => v.Order))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<VisitSummary>> ListVisitsForSubjectAsync(Guid subjectId, CancellationToken cancellationToken = default) =>
        await VisitSummaries(db.Visits.AsNoTracking().Where(v => v.SubjectId == subjectId).OrderBy(v => v.Order))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<DeviationSummary>> ListDeviationsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await db.Deviations.AsNoTracking()
            .Where(d => d.TrialId == trialId && d.SubjectId != null)
            .OrderBy(d => d.IdentifiedOn).ThenBy(d => d.SubjectNumber)
            .Select(d => new DeviationSummary(d.Id, d.SubjectId!.Value, d.TrialId, d.SiteId, d.SubjectNumber ?? "", d.Category, d.Severity, d.Source,
                d.OccurredOn, d.IdentifiedOn))
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<AdverseEventSummary>> ListAdverseEventsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default)
    {
        var events = await db.AdverseEvents.AsNoTracking()
            .Where(a => a.TrialId == trialId)
            .Select(a => new AdverseEventSummary(a.Id, a.SubjectId, a.TrialId, a.SiteId, a.SubjectNumber, a.Term, a.SeriousnessCriteria, a.AwareAt, a.DueAt,
                a.ReportedAt))
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        return [.. events.OrderBy(a => a.AwareAt).ThenBy(a => a.SubjectNumber, StringComparer.Ordinal)];
    }

    internal static IQueryable<VisitSummary> VisitSummaries(IQueryable<Visit> visits) =>
        visits.Select(v => new VisitSummary(v.Id, v.SubjectId, v.SubjectNumber, v.SiteId, v.Name, v.Order, v.Status, v.Planned, v.Earliest, v.Latest,
            v.ActualDate, v.OutOfWindow));

    internal static IQueryable<SubjectSummary> Summaries(IQueryable<Subject> subjects) =>
        subjects.Select(s => new SubjectSummary(s.Id, s.TrialId, s.SiteId, s.SubjectNumber, s.Status, s.EnrolledAt)
        {
            ScreenedOn = s.ScreenedOn,
            ProtocolVersionId = s.ProtocolVersionId,
            ConsentVersionId = s.ConsentVersionId,
            ConsentedOn = s.ConsentedOn,
            ReconsentRequired = s.ReconsentVersionId != null,
            Eligible = s.Eligible,
            ArmId = s.ArmId,
            ArmName = s.ArmName,
            RandomizedAt = s.RandomizedAt,
            WithdrawnOn = s.WithdrawnOn,
            WithdrawalReason = s.WithdrawalReason,
            // Evaluated on the client (top-level projection): stored one reason per line.
            ScreenFailReasons = s.Eligible == false && s.EligibilityReasons != null
                ? s.EligibilityReasons.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                : Array.Empty<string>(),
            CompletedOn = s.CompletedOn,
        });
}
