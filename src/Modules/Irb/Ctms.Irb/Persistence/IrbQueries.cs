using Ctms.Irb.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Persistence;

internal sealed class IrbQueries(IrbDbContext db) : IIrbQueries
{
    public async Task<IReadOnlyList<IrbSummary>> ListAsync(IReadOnlyCollection<Guid> irbIds, CancellationToken cancellationToken = default) =>
        await db.Committees.AsNoTracking().Where(c => irbIds.Contains(c.Id)).OrderBy(c => c.Name)
            .Select(c => new IrbSummary(c.Id, c.InstitutionId, c.Name)).ToListAsync(cancellationToken);
}
