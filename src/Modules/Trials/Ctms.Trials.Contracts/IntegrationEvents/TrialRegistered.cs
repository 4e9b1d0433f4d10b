namespace Ctms.Trials.Contracts.IntegrationEvents;

public sealed record TrialRegistered(
    Guid TrialId,
    string TenantId,
    string ProtocolNumber,
    string Title,
    int TargetEnrollment,
    DateTimeOffset OccurredAt);
