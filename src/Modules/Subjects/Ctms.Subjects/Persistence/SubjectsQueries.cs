using Ctms.Subjects.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Persistence;

internal sealed class SubjectsQueries(SubjectsDbContext db) : ISubjectsQueries
{
    public async Task<IReadOnlyList<SubjectSummary>> ListForSiteAsync(Guid siteId, CancellationToken cancellationToken = default) =>
        await db.Subjects.AsNoTracking().Where(s => s.SiteId == siteId).OrderBy(s => s.SubjectNumber)
            .Select(s => new SubjectSummary(s.Id, s.TrialId, s.SiteId, s.SubjectNumber, s.Status, s.EnrolledAt))
            .ToListAsync(cancellationToken);

    public async Task<int> CountEnrolledAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await db.TrialCounters.AsNoTracking().Where(c => c.TrialId == trialId).Select(c => c.Enrolled).SingleOrDefaultAsync(cancellationToken);
}
