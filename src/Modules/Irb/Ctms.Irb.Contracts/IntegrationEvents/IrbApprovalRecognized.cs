namespace Ctms.Irb.Contracts.IntegrationEvents;

/// <summary>A relying IRB completed its local-context review: the reviewing IRB's approval now counts at its institutions.</summary>
public sealed record IrbApprovalRecognized(
    Guid RecognitionId,
    Guid RelyingIrbId,
    Guid ReviewingIrbId,
    string ReviewingCenterId,
    Guid DecisionId,
    Guid TrialId,
    Guid ProtocolVersionId,
    IReadOnlyList<Guid> InstitutionIds,
    DateOnly ApprovedOn,
    DateOnly ExpiresOn,
    DateTimeOffset OccurredAt);
