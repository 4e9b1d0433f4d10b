namespace Ctms.Irb.Contracts.IntegrationEvents;

/// <summary>
/// A received decision was not recognised; the relying site needs its own full review.
/// ReasonCode: no-agreement, out-of-scope, bad-signature, expired, not-an-approval.
/// </summary>
public sealed record IrbRecognitionRefused(
    Guid RecognitionId,
    Guid RelyingIrbId,
    Guid ReviewingIrbId,
    string ReviewingCenterId,
    Guid DecisionId,
    Guid TrialId,
    Guid ProtocolVersionId,
    string ReasonCode,
    string Reason,
    DateTimeOffset OccurredAt);
