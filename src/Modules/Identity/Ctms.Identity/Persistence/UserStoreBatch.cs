using Ctms.Identity.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Ctms.Identity.Persistence;

/// <summary>
/// UserManager saves after every call; a command that changes an account, its roles and its claims must save them
/// with its audit entries in one SaveChanges, or a failure half-way leaves access the audit trail does not explain.
/// </summary>
internal sealed class UserStoreBatch : IDisposable
{
    private readonly UserStore<CtmsUser, IdentityRole, CtmsIdentityDbContext, string, IdentityUserClaim<string>,
        IdentityUserRole<string>, IdentityUserLogin<string>, IdentityUserToken<string>, IdentityRoleClaim<string>>? _store;

    private UserStoreBatch(IUserStore<CtmsUser> store)
    {
        _store = store as UserStore<CtmsUser, IdentityRole, CtmsIdentityDbContext, string, IdentityUserClaim<string>,
            IdentityUserRole<string>, IdentityUserLogin<string>, IdentityUserToken<string>, IdentityRoleClaim<string>>
            ?? throw new InvalidOperationException("The Identity module expects the Entity Framework user store.");
        _store.AutoSaveChanges = false;
    }

    public static UserStoreBatch Begin(IUserStore<CtmsUser> store) => new(store);

    // The store lives as long as the circuit: other pages on it expect UserManager to save as usual.
    public void Dispose() => _store!.AutoSaveChanges = true;
}
