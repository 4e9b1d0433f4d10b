using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Reporting.Features.Exports;

/// <summary>What the requester sees of a job (never the file itself).</summary>
internal sealed record ExportJobView(Guid Id, Guid TrialId, string Format, string Status, double Progress, string? Error, string? FileName,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, DateTimeOffset? ExpiresAt)
{
    public bool Finished => Status is ExportJob.Done or ExportJob.Failed;
}

internal sealed record ExportDownload(byte[] Content, string FileName, string ContentType);

/// <summary>
/// Background exports kept in Reporting's database (see docs/adr/0019-durable-export-jobs.md): queued here, run by
/// whichever instance's <see cref="ExportWorker"/> claims them, visible and downloadable only to the person who asked
/// (an export holds pseudonymous but regulated data) from any instance, until they expire. A DI scope per call, so that
/// a long-lived circuit can poll without holding a DbContext.
/// </summary>
internal sealed class ExportJobs(IServiceScopeFactory scopes, TimeProvider clock, ExportSignal signal)
{
    public static readonly IReadOnlyList<string> Formats = ["fhir", "odm"];

    public async Task<ExportJobView> StartAsync(Guid trialId, string format, ICurrentUser requester, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var job = new ExportJob(trialId, format, requester.UserId ?? "", requester.TenantId ?? "", clock.GetUtcNow());
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        signal.Raise();
        return View(job);
    }

    /// <summary>The job if <paramref name="user"/> asked for it (same user id and tenant) and it has not expired; else null.</summary>
    public async Task<ExportJobView?> FindAsync(Guid jobId, ICurrentUser user, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var job = await Mine(scope, jobId, user).SingleOrDefaultAsync(ct);
        return job is null ? null : View(job);
    }

    /// <summary>The file of a finished job the user asked for; null when there is none (yet) or it is not theirs.</summary>
    public async Task<ExportDownload?> DownloadAsync(Guid jobId, ICurrentUser user, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var job = await Mine(scope, jobId, user).Where(j => j.Status == ExportJob.Done).SingleOrDefaultAsync(ct);
        if (job is null)
        {
            return null;
        }

        var content = await db.ExportFiles.AsNoTracking().Where(f => f.JobId == jobId).Select(f => f.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : new ExportDownload(content, job.FileName ?? $"export-{job.Id}", job.ContentType ?? "application/octet-stream");
    }

    private IQueryable<ExportJob> Mine(AsyncServiceScope scope, Guid jobId, ICurrentUser user)
    {
        var userId = user.UserId ?? "";
        var tenant = user.TenantId ?? "";
        var now = clock.GetUtcNow();
        return scope.ServiceProvider.GetRequiredService<ReportingDbContext>().ExportJobs.AsNoTracking()
            .Where(j => j.Id == jobId && userId != "" && j.RequestedBy == userId && j.TenantId == tenant && (j.ExpiresAt == null || j.ExpiresAt > now));
    }

    private static ExportJobView View(ExportJob j) =>
        new(j.Id, j.TrialId, j.Format, j.Status, j.Progress, j.Error, j.FileName, j.CreatedAt, j.FinishedAt, j.ExpiresAt);
}
