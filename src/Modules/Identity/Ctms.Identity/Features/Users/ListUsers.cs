using Ctms.Identity.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Identity.Features.Users;

internal enum AccountStatus { Any, Active, Deactivated }

/// <summary><paramref name="Scope"/> matches a tenant, site or IRB id, or part of one.</summary>
internal sealed record ListUsersQuery(string? Search = null, string? Role = null, string? Scope = null, AccountStatus Status = AccountStatus.Any)
    : IQuery<IReadOnlyList<UserRow>>;

internal sealed record UserRow(string Id, string Email, string DisplayName, bool IsActive, bool HasPassword, UserAccess Access)
{
    public string Status => !IsActive ? "Deactivated" : HasPassword ? "Active" : "Invited";
}

internal sealed class ListUsersHandler(CtmsIdentityDbContext db, ICurrentUser current) : IQueryHandler<ListUsersQuery, IReadOnlyList<UserRow>>
{
    public async Task<Result<IReadOnlyList<UserRow>>> HandleAsync(ListUsersQuery query, CancellationToken cancellationToken = default)
    {
        if (!current.IsInRole(CtmsRoles.Administrator))
        {
            return Error.Forbidden("Only administrators see the accounts.");
        }

        db.ChangeTracker.Clear();
        var accounts = db.Users.AsNoTracking();
        if (query.Status != AccountStatus.Any)
        {
            accounts = accounts.Where(u => u.IsActive == (query.Status == AccountStatus.Active));
        }

        var users = await accounts.OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive, HasPassword = u.PasswordHash != null })
            .ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var claims = await db.UserClaims.Where(c => c.ClaimType == CtmsClaims.Tenant || c.ClaimType == CtmsClaims.Site || c.ClaimType == CtmsClaims.Irb)
            .Select(c => new { c.UserId, c.ClaimType, c.ClaimValue }).ToListAsync(cancellationToken);
        var rolesOf = roles.ToLookup(r => r.UserId, r => r.Name!);
        var claimsOf = claims.ToLookup(c => c.UserId);

        IEnumerable<UserRow> rows = users.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.IsActive, u.HasPassword, new UserAccess(
            [.. rolesOf[u.Id].Order()],
            claimsOf[u.Id].FirstOrDefault(c => c.ClaimType == CtmsClaims.Tenant)?.ClaimValue,
            [.. claimsOf[u.Id].Where(c => c.ClaimType == CtmsClaims.Site).Select(c => Guid.TryParse(c.ClaimValue, out var id) ? id : Guid.Empty)],
            [.. claimsOf[u.Id].Where(c => c.ClaimType == CtmsClaims.Irb).Select(c => Guid.TryParse(c.ClaimValue, out var id) ? id : Guid.Empty)])));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            rows = rows.Where(r => r.Email.Contains(search, StringComparison.OrdinalIgnoreCase) || r.DisplayName.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            rows = rows.Where(r => r.Access.Roles.Contains(query.Role));
        }

        if (!string.IsNullOrWhiteSpace(query.Scope))
        {
            var scope = query.Scope.Trim();
            rows = rows.Where(r => (r.Access.TenantId ?? "").Contains(scope, StringComparison.OrdinalIgnoreCase) ||
                                   r.Access.SiteIds.Concat(r.Access.IrbIds).Any(id => id.ToString().Contains(scope, StringComparison.OrdinalIgnoreCase)));
        }

        return rows.ToList();
    }
}
