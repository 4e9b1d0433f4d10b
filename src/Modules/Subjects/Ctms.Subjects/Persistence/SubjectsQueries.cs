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

    // Visits arrive with issue #4 (the Subjects module's visit schedule); until then no subject has any.
    public Task<IReadOnlyList<VisitSummary>> ListVisitsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Visits are built in issue #4.");

    public Task<IReadOnlyList<VisitSummary>> ListVisitsForSubjectAsync(Guid subjectId, CancellationToken cancellationToken = default) =>
        throw new NotImplementedException("Visits are built in issue #4.");

    private static IQueryable<SubjectSummary> Summaries(IQueryable<Subject> subjects) =>
        subjects.Select(s => new SubjectSummary(s.Id, s.TrialId, s.SiteId, s.SubjectNumber, s.Status, s.EnrolledAt));
}
