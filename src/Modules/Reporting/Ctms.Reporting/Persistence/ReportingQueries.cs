using Ctms.Reporting.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Persistence;

internal sealed class ReportingQueries(ReportingDbContext db) : IReportingQueries
{
    public async Task<IReadOnlyList<SiteEnrollmentCount>> SiteEnrollmentAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        await db.SiteEnrollment.AsNoTracking().Where(s => s.TrialId == trialId)
            .Select(s => new SiteEnrollmentCount(s.TrialId, s.SiteId, s.Enrolled, s.LastEnrolledAt))
            .ToListAsync(cancellationToken);
}
