using Microsoft.Extensions.Configuration;

namespace Ctms.Reporting.Features.Exports;

/// <summary>
/// <c>Reporting:Exports:*</c>. <see cref="RunWorker"/> false makes an instance only accept and serve jobs (another
/// instance runs them); the lease is renewed every third of its length while a job runs.
/// </summary>
internal sealed record ExportSettings(bool RunWorker, TimeSpan PollInterval, TimeSpan Lease, TimeSpan Retention, int MaxAttempts)
{
    public static ExportSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Reporting:Exports");
        return new ExportSettings(
            !string.Equals(section["RunWorker"], "false", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromSeconds(Positive(section["PollSeconds"], 5)),
            TimeSpan.FromSeconds(Positive(section["LeaseSeconds"], 60)),
            TimeSpan.FromHours(Positive(section["RetentionHours"], 24)),
            (int)Positive(section["MaxAttempts"], 3));
    }

    private static double Positive(string? value, double fallback) =>
        double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}

/// <summary>Wakes this instance's worker when a job is queued here (other instances find it at their next poll).</summary>
internal sealed class ExportSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Raise()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Raised twice at once: one wake-up is enough.
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Dispose() => _signal.Dispose();
}
