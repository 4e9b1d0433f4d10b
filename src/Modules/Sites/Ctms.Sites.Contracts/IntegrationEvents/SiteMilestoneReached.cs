namespace Ctms.Sites.Contracts.IntegrationEvents;

/// <summary>
/// A site activation milestone got its actual date: selected, feasibility-done, contract-signed, irb-approval,
/// site-initiation-visit or activated.
/// </summary>
public sealed record SiteMilestoneReached(Guid SiteId, Guid TrialId, string Milestone, DateOnly ReachedOn, DateTimeOffset OccurredAt);
