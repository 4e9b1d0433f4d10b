using Ctms.Identity.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Identity.Persistence;

internal sealed class IdentityQueries(CtmsIdentityDbContext db) : IIdentityQueries
{
    public async Task<UserRef?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized)
            .Select(u => new UserRef(u.Id, u.Email!, u.DisplayName)).SingleOrDefaultAsync(cancellationToken);
    }
}
