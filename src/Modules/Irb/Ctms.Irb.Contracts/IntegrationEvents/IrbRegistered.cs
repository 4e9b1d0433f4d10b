namespace Ctms.Irb.Contracts.IntegrationEvents;

public sealed record IrbRegistered(Guid IrbId, Guid InstitutionId, string Name, DateTimeOffset OccurredAt);
