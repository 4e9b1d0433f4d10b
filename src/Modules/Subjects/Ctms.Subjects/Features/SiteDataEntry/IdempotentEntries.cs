using System.Text.Json;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Subjects.Features.SiteDataEntry;

/// <summary>
/// Runs a data entry with an idempotency key in one transaction with its receipt, so the effect and the record that it
/// happened commit together: the caller may die at any point and call again with the same key without a second effect.
/// A refusal is recorded too (with nothing else), so the repeat gets the first answer even if the data changed since.
/// </summary>
internal sealed class IdempotentEntries(SubjectsDbContext db, TimeProvider clock, ILogger<IdempotentEntries> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DataEntryResult> RunAsync(Guid? key, string operation, Func<CancellationToken, Task<DataEntryResult>> apply, CancellationToken cancellationToken)
    {
        if (key is not { } idempotencyKey)
        {
            return await apply(cancellationToken);
        }

        // Inside the execution strategy: with retries on (PostgreSQL, SQL Server) EF refuses a bare user transaction.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            if (await RecordedAsync(idempotencyKey, operation, ct) is { } earlier)
            {
                return earlier;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await apply(ct);

            // A refusal may leave half-changed entities tracked; only the receipt goes with it.
            db.ChangeTracker.Clear();
            db.EntryReceipts.Add(new SiteEntryReceipt(idempotencyKey, operation, JsonSerializer.Serialize(result, Json), clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return result;
            }
            catch (DbUpdateException ex)
            {
                // Another caller with the same key committed first (the primary key refused ours): its outcome stands.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                logger.LogInformation(ex, "Data entry {Key} was applied concurrently; returning the first outcome", idempotencyKey);
                if (await RecordedAsync(idempotencyKey, operation, ct) is not { } first)
                {
                    throw;
                }

                return first;
            }
        }, cancellationToken);
    }

    private async Task<DataEntryResult?> RecordedAsync(Guid key, string operation, CancellationToken cancellationToken)
    {
        var receipt = await db.EntryReceipts.AsNoTracking().SingleOrDefaultAsync(r => r.Key == key, cancellationToken);
        if (receipt is null)
        {
            return null;
        }

        if (receipt.Operation != operation)
        {
            return DataEntryResult.Refused(new DataEntryError("idempotency-key-reused",
                $"This idempotency key was already used for a different entry ({receipt.Operation}).")) with { Repeated = true };
        }

        return JsonSerializer.Deserialize<DataEntryResult>(receipt.OutcomeJson, Json)! with { Repeated = true };
    }
}
