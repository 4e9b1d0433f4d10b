using System.Text;
using Ctms.Shared.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Features.Exports;

/// <summary>
/// Runs queued export jobs of any instance, one at a time: claims a job with a lease, renews the lease (and writes the
/// progress) while the exporter works, and stores the file. A job whose instance died is claimed again once its lease
/// ran out, and restarts from the beginning (an export is a read of the current data, so a rerun is harmless).
/// </summary>
internal sealed class ExportWorker(IServiceScopeFactory scopes, ExportSettings settings, ExportSignal signal, IHostApplicationLifetime lifetime,
    ILogger<ExportWorker> logger) : BackgroundService
{
    /// <summary>This instance, as written in the jobs it holds (unique per process start, so a restarted host is another owner).</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Not needed for the first page, and the host may still be migrating the database (DatabaseReadiness).
            await lifetime.WaitForStartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The export worker failed to claim or finish a job; it tries again in {Seconds} s", settings.PollInterval.TotalSeconds);
            }

            await signal.WaitAsync(settings.PollInterval, stoppingToken);
        }
    }

    /// <returns>True when a job was claimed (there may be more).</returns>
    internal async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<ExportJobLeases>();
        await leases.SweepAsync(ct);
        foreach (var jobId in await leases.ClaimableAsync(ct))
        {
            if (await leases.TryClaimAsync(jobId, Owner, ct))
            {
                await RunAsync(jobId, ct);
                return true;
            }
        }

        return false;
    }

    private async Task RunAsync(Guid jobId, CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var leases = scope.ServiceProvider.GetRequiredService<ExportJobLeases>();
        var job = await scope.ServiceProvider.GetRequiredService<Persistence.ReportingDbContext>().ExportJobs.FindAsync([jobId], stoppingToken);
        if (job is null)
        {
            return;
        }

        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var progress = 0.0;
        var heartbeat = HeartbeatAsync(jobId, () => Volatile.Read(ref progress), lost);
        try
        {
            var (content, fileName, contentType) = await ExportAsync(scope.ServiceProvider, job.TrialId, job.Format, p => Volatile.Write(ref progress, p), lost.Token);
            await lost.CancelAsync();
            await heartbeat;
            if (!await leases.CompleteAsync(jobId, Owner, content, fileName, contentType, stoppingToken))
            {
                logger.LogWarning("Export {JobId} finished after its lease passed to another instance; the file was discarded", jobId);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Export {JobId} stopped: its lease passed to another instance", jobId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A background job has nobody to throw to: whatever went wrong is the job's outcome, shown to whoever asked.
            logger.LogWarning(ex, "Export {JobId} of trial {TrialId} failed", jobId, job.TrialId);
            await lost.CancelAsync();
            await heartbeat;
            await leases.FailAsync(jobId, Owner, ex.Message, stoppingToken);
        }
    }

    /// <summary>Renews the lease every third of its length; cancels the export when the lease is no longer ours.</summary>
    private async Task HeartbeatAsync(Guid jobId, Func<double> progress, CancellationTokenSource lost)
    {
        try
        {
            using var timer = new PeriodicTimer(settings.Lease / 3);
            while (await timer.WaitForNextTickAsync(lost.Token))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!await scope.ServiceProvider.GetRequiredService<ExportJobLeases>().RenewAsync(jobId, Owner, progress(), lost.Token))
                {
                    await lost.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The export ended (or the host stops): nothing left to renew.
        }
    }

    private static async Task<(byte[] Content, string FileName, string ContentType)> ExportAsync(IServiceProvider services, Guid trialId, string format,
        Action<double> progress, CancellationToken ct)
    {
        switch (format)
        {
            case "fhir":
                var bundle = await services.GetRequiredService<FhirBundleExporter>().ExportAsync(trialId, progress, ct)
                             ?? throw new InvalidOperationException("The trial was not found.");
                return (Encoding.UTF8.GetBytes(FhirBundleExporter.Serialize(bundle)), $"trial-{trialId}-fhir-r4.json", "application/fhir+json");
            case "odm":
                var odm = await services.GetRequiredService<OdmExporter>().ExportAsync(trialId, progress, ct)
                          ?? throw new InvalidOperationException("The trial was not found.");
                return (odm, $"trial-{trialId}-odm-1.3.2.xml", "application/xml");
            default:
                throw new InvalidOperationException($"Unknown export format {format}.");
        }
    }
}

/// <summary>Starts this instance's <see cref="ExportWorker"/> unless <c>Reporting:Exports:RunWorker</c> is false.</summary>
internal sealed class ExportWorkerHost(ExportSettings settings, ExportWorker worker) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => settings.RunWorker ? worker.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => settings.RunWorker ? worker.StopAsync(cancellationToken) : Task.CompletedTask;
}
