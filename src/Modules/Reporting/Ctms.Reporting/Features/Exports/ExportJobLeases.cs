using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Features.Exports;

/// <summary>
/// The job table's state changes, each one conditional UPDATE so that two instances racing for a job cannot both win:
/// a claim succeeds only on a queued job or one whose lease ran out, and every later write succeeds only for the lease
/// owner (a worker that lost its lease stops and writes nothing).
/// </summary>
internal sealed class ExportJobLeases(ReportingDbContext db, TimeProvider clock, ExportSettings settings)
{
    /// <summary>Jobs a worker may claim now, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimableAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var jobs = await db.ExportJobs.AsNoTracking()
            .Where(j => j.Status == ExportJob.Queued || (j.Status == ExportJob.Running && j.LeaseUntil < now && j.Attempts < settings.MaxAttempts))
            .Select(j => new { j.Id, j.CreatedAt })
            .ToListAsync(ct);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        return [.. jobs.OrderBy(j => j.CreatedAt).Select(j => j.Id)];
    }

    public async Task<bool> TryClaimAsync(Guid jobId, string owner, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + settings.Lease;
        var claimed = await db.ExportJobs
            .Where(j => j.Id == jobId
                        && (j.Status == ExportJob.Queued || (j.Status == ExportJob.Running && j.LeaseUntil < now && j.Attempts < settings.MaxAttempts)))
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Status, ExportJob.Running)
                .SetProperty(j => j.LeaseOwner, owner)
                .SetProperty(j => j.LeaseUntil, until)
                .SetProperty(j => j.StartedAt, now)
                .SetProperty(j => j.Progress, 0.0)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        return claimed == 1;
    }

    /// <returns>False when the lease is no longer this owner's: stop the job.</returns>
    public async Task<bool> RenewAsync(Guid jobId, string owner, double progress, CancellationToken ct)
    {
        var until = clock.GetUtcNow() + settings.Lease;
        return await db.ExportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.Status == ExportJob.Running)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.LeaseUntil, until).SetProperty(j => j.Progress, progress), ct) == 1;
    }

    /// <summary>Stores the file and marks the job done in one transaction, or nothing if the lease was lost meanwhile.</summary>
    public async Task<bool> CompleteAsync(Guid jobId, string owner, byte[] content, string fileName, string contentType, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.Retention;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var done = await db.ExportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.Status == ExportJob.Running)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(j => j.Status, ExportJob.Done)
                    .SetProperty(j => j.Progress, 1.0)
                    .SetProperty(j => j.FinishedAt, now)
                    .SetProperty(j => j.ExpiresAt, expires)
                    .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(j => j.FileName, fileName)
                    .SetProperty(j => j.ContentType, contentType)
                    .SetProperty(j => j.SizeBytes, content.LongLength), ct);
            if (done != 1)
            {
                return false;
            }

            db.ExportFiles.Add(new ExportFile(jobId, content));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return true;
        });
    }

    public async Task FailAsync(Guid jobId, string owner, string error, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.Retention;
        var message = error.Length > 2000 ? error[..2000] : error;
        await db.ExportJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner && j.Status == ExportJob.Running)
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Status, ExportJob.Failed)
                .SetProperty(j => j.Error, message)
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ExpiresAt, expires)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
    }

    /// <summary>
    /// Gives up on jobs whose instance died too often (a job that kills its instance must not kill every instance in
    /// turn) and deletes expired jobs with their files.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var expires = now + settings.Retention;
        var abandoned = await db.ExportJobs
            .Where(j => j.Status == ExportJob.Running && j.LeaseUntil < now && j.Attempts >= settings.MaxAttempts)
            .ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Status, ExportJob.Failed)
                .SetProperty(j => j.Error, $"The export was interrupted {settings.MaxAttempts} times; start it again.")
                .SetProperty(j => j.FinishedAt, now)
                .SetProperty(j => j.ExpiresAt, expires)
                .SetProperty(j => j.LeaseUntil, (DateTimeOffset?)null), ct);
        var expired = await db.ExportJobs.Where(j => j.ExpiresAt < now).Select(j => j.Id).ToListAsync(ct);
        if (expired.Count > 0)
        {
            await db.ExportFiles.Where(f => expired.Contains(f.JobId)).ExecuteDeleteAsync(ct);
            await db.ExportJobs.Where(j => expired.Contains(j.Id)).ExecuteDeleteAsync(ct);
        }

        return abandoned + expired.Count;
    }
}
