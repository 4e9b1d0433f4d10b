using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ctms.Reporting.Consumers;

/// <summary>
/// In-process notice that a trial's figures changed, for open dashboards. Listeners re-read the read model on
/// their own circuit's dispatcher; the feed carries only the trial id, never data.
/// </summary>
internal sealed class ReportingChangeFeed(ILogger<ReportingChangeFeed>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<ReportingChangeFeed>.Instance;

    public event Action<Guid>? TrialChanged;

    /// <summary>Each listener on its own: a closed circuit that throws must not keep the others (or the consumer) from running.</summary>
    public void Publish(Guid trialId)
    {
        foreach (var listener in TrialChanged?.GetInvocationList().Cast<Action<Guid>>() ?? [])
        {
            try
            {
                listener(trialId);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException)
            {
                _logger.LogWarning(ex, "A dashboard listener failed on trial {TrialId}; the others were told", trialId);
            }
        }
    }
}
