namespace Ctms.Sites.Contracts.IntegrationEvents;

/// <summary>A site moved between pending, active, on-hold, closed-to-accrual and closed.</summary>
public sealed record SiteStatusChanged(Guid SiteId, Guid TrialId, string SiteCode, string OldStatus, string NewStatus, DateTimeOffset ChangedAt);
