using Ctms.Irb.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Persistence;

internal sealed class IrbQueries(IrbDbContext db) : IIrbQueries
{
    public async Task<IReadOnlyList<IrbSummary>> ListAsync(IReadOnlyCollection<Guid> irbIds, CancellationToken cancellationToken = default) =>
        await db.Committees.AsNoTracking().Where(c => irbIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new IrbSummary(c.Id, c.InstitutionId, c.Name)).ToListAsync(cancellationToken);

    // Approvals are recorded once IRB review lands (issue 5); until then no institution has one in force.
    public Task<ApprovalStatus> ApprovalInForceAsync(Guid institutionId, Guid trialId, Guid protocolVersionId, DateOnly date,
        CancellationToken cancellationToken = default) =>
        Task.FromResult(ApprovalStatus.None("No IRB approval (own or recognised) is recorded for this protocol version at this institution."));
}
