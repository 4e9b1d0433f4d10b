namespace Ctms.Shared.Messaging;

/// <summary>Bound from <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Off only to simulate a host that stops between commit and publish.</summary>
    public bool RelayEnabled { get; set; } = true;

    /// <summary>How often a relay looks without being woken (rows left by a crashed host).</summary>
    public int PollIntervalMilliseconds { get; set; } = 5000;
}
