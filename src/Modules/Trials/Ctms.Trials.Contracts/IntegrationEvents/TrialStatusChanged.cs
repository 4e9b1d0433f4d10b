namespace Ctms.Trials.Contracts.IntegrationEvents;

/// <summary>A trial moved between FHIR ResearchStudy status codes.</summary>
public sealed record TrialStatusChanged(Guid TrialId, string OldStatus, string NewStatus, DateTimeOffset ChangedAt);
