using Ctms.Shared.Results;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Identity.Persistence;

/// <summary>
/// UserManager saves after every call; a command that changes an account, its roles and its claims commits them
/// with its audit entries together, or a failure half-way would leave access the audit trail does not explain.
/// </summary>
internal static class AccountTransaction
{
    // Inside the execution strategy: with retries on (PostgreSQL, SQL Server) EF refuses a bare user transaction.
    /// <summary>Commits when <paramref name="work"/> succeeds; a refusal rolls back whatever UserManager saved on the way.</summary>
    public static Task<T> RunAsync<T>(CtmsIdentityDbContext db, Func<Task<T>> work, CancellationToken cancellationToken) where T : Result =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await work();
            if (result.IsSuccess)
            {
                await transaction.CommitAsync(ct);
            }
            else
            {
                db.ChangeTracker.Clear();
            }

            return result;
        }, cancellationToken);
}
