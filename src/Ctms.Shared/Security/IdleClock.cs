namespace Ctms.Shared.Security;

public enum IdleState { Active, Warning, Expired }

/// <summary>
/// When a session counts as idle: <see cref="Timeout"/> after the last activity it expires, and for the last
/// <see cref="WarningBefore"/> of that it warns. Time comes from a <see cref="TimeProvider"/> so tests run it in seconds.
/// </summary>
public sealed class IdleClock(TimeProvider time, TimeSpan timeout, TimeSpan warningBefore)
{
    private DateTimeOffset _lastActivity = time.GetUtcNow();

    public TimeSpan Timeout => timeout;
    public TimeSpan WarningBefore => warningBefore < timeout ? warningBefore : timeout / 2;

    public void Activity() => _lastActivity = time.GetUtcNow();

    public TimeSpan Remaining
    {
        get
        {
            var left = timeout - (time.GetUtcNow() - _lastActivity);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public IdleState State => Remaining == TimeSpan.Zero ? IdleState.Expired
        : Remaining <= WarningBefore ? IdleState.Warning
        : IdleState.Active;
}
