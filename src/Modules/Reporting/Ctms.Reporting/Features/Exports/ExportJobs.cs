using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Features.Exports;

/// <summary>One background export: who asked, how far it got, and the file once done.</summary>
internal sealed class ExportJob(Guid id, Guid trialId, string format, string ownerId)
{
    private double _progress;

    public Guid Id { get; } = id;
    public Guid TrialId { get; } = trialId;
    public string Format { get; } = format;
    public string OwnerId { get; } = ownerId;
    public double Progress => Volatile.Read(ref _progress);
    public string Status { get; private set; } = "running";
    public string? Error { get; private set; }
    public byte[]? Content { get; private set; }
    public string FileName { get; internal set; } = "";
    public string ContentType { get; internal set; } = "application/octet-stream";

    /// <summary>Raised (on a worker thread) whenever progress or status moves, for open pages.</summary>
    public event Action? Changed;

    internal void Report(double progress)
    {
        Volatile.Write(ref _progress, Math.Clamp(progress, 0, 1));
        Changed?.Invoke();
    }

    internal void Complete(byte[] content)
    {
        Content = content;
        Status = "done";
        Report(1);
    }

    internal void Fail(string error)
    {
        Error = error;
        Status = "failed";
        Changed?.Invoke();
    }
}

/// <summary>
/// Runs exports off the request (a large trial takes a while) in their own DI scope, keeps the result in memory for
/// the person who asked (an export holds pseudonymous but regulated data: nobody else may fetch it), and forgets jobs
/// after an hour.
/// </summary>
internal sealed class ExportJobs(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ExportJobs> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, (ExportJob Job, DateTimeOffset Started)> _jobs = new();

    public static readonly IReadOnlyList<string> Formats = ["fhir", "odm"];

    public ExportJob Start(Guid trialId, string format, string ownerId)
    {
        Forget();
        var job = new ExportJob(Guid.NewGuid(), trialId, format, ownerId);
        _jobs[job.Id] = (job, clock.GetUtcNow());
        _ = Task.Run(() => RunAsync(job));
        return job;
    }

    public ExportJob? Find(Guid jobId, string ownerId) =>
        _jobs.TryGetValue(jobId, out var entry) && entry.Job.OwnerId == ownerId ? entry.Job : null;

    private async Task RunAsync(ExportJob job)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var exporters = scope.ServiceProvider;
            switch (job.Format)
            {
                case "fhir":
                    var bundle = await exporters.GetRequiredService<FhirBundleExporter>().ExportAsync(job.TrialId, job.Report)
                                 ?? throw new InvalidOperationException("The trial was not found.");
                    job.FileName = $"trial-{job.TrialId}-fhir-r4.json";
                    job.ContentType = "application/fhir+json";
                    job.Complete(System.Text.Encoding.UTF8.GetBytes(FhirBundleExporter.Serialize(bundle)));
                    break;
                case "odm":
                    var odm = await exporters.GetRequiredService<OdmExporter>().ExportAsync(job.TrialId, job.Report)
                              ?? throw new InvalidOperationException("The trial was not found.");
                    job.FileName = $"trial-{job.TrialId}-odm-1.3.2.xml";
                    job.ContentType = "application/xml";
                    job.Complete(odm);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown export format {job.Format}.");
            }
        }
        catch (Exception ex)
        {
            // A background job has nobody to throw to: whatever went wrong is the job's outcome, shown to whoever asked.
            logger.LogWarning(ex, "Export {JobId} of trial {TrialId} failed", job.Id, job.TrialId);
            job.Fail(ex.Message);
        }
    }

    private void Forget()
    {
        var now = clock.GetUtcNow();
        foreach (var (id, entry) in _jobs)
        {
            if (now - entry.Started > KeepFor)
            {
                _jobs.TryRemove(id, out _);
            }
        }
    }
}
