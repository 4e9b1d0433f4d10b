namespace Ctms.Identity.Contracts.IntegrationEvents;

/// <summary>An account was created (audited by the identity issue; other modules may keep a display name).</summary>
public sealed record UserAccountCreated(string UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset OccurredAt);
