namespace Ctms.Sites.Contracts.IntegrationEvents;

public sealed record SiteActivated(Guid SiteId, Guid TrialId, Guid InstitutionId, string SiteCode, int TargetEnrollment, DateTimeOffset OccurredAt);
