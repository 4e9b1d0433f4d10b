namespace Ctms.Reporting.Consumers;

/// <summary>
/// In-process notice that a trial's figures changed, for open dashboards. Listeners re-read the read model on
/// their own circuit's dispatcher; the feed carries only the trial id, never data.
/// </summary>
internal sealed class ReportingChangeFeed
{
    public event Action<Guid>? TrialChanged;

    public void Publish(Guid trialId) => TrialChanged?.Invoke(trialId);
}
