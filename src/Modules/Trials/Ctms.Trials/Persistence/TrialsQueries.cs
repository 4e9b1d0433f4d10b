using Ctms.Trials.Contracts;
using Ctms.Trials.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Persistence;

internal sealed class TrialsQueries(TrialsDbContext db) : ITrialsQueries
{
    public async Task<TrialSummary?> GetAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().Where(t => t.Id == trialId).ToListAsync(cancellationToken))
            .Select(ToSummary).SingleOrDefault();

    public async Task<IReadOnlyList<TrialSummary>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().Where(t => t.TenantId == tenantId).OrderBy(t => t.ProtocolNumber).ToListAsync(cancellationToken))
            .Select(ToSummary).ToList();

    public async Task<IReadOnlyList<TrialSummary>> ListAsync(IReadOnlyCollection<Guid> trialIds, CancellationToken cancellationToken = default) =>
        (await db.Trials.AsNoTracking().Where(t => trialIds.Contains(t.Id)).OrderBy(t => t.ProtocolNumber).ToListAsync(cancellationToken))
            .Select(ToSummary).ToList();

    private static TrialSummary ToSummary(Trial t) =>
        new(t.Id, t.TenantId, t.ProtocolNumber, t.Title, t.Phase, t.Status, t.TargetEnrollment, t.AllowOverEnrollment);
}
