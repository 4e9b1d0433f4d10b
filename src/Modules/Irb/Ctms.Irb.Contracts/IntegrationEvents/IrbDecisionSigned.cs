namespace Ctms.Irb.Contracts.IntegrationEvents;

/// <summary>
/// An IRB chair signed a decision. <see cref="CanonicalDecision"/> is the <see cref="SignedIrbDecision"/> as canonical
/// JSON; <see cref="Signature"/> is the reviewing IRB's ECDSA P-256 signature over its UTF-8 bytes (IEEE P1363,
/// base64). Receiving centers verify it with the key recorded in their reliance agreement and read every fact
/// from the signed payload, never from the envelope.
/// </summary>
public sealed record IrbDecisionSigned(
    Guid DecisionId,
    string CenterId,
    Guid ReviewingIrbId,
    string CanonicalDecision,
    string Signature,
    string SignatureAlgorithm,
    DateTimeOffset OccurredAt)
{
    public const string Algorithm = "ES256-P1363";
}

/// <summary>The signed content of an IRB decision (schema version 1).</summary>
public sealed record SignedIrbDecision(
    int SchemaVersion,
    Guid DecisionId,
    string CenterId,
    Guid ReviewingIrbId,
    string ReviewingIrbName,
    Guid TrialId,
    string ProtocolNumber,
    Guid ProtocolVersionId,
    string ProtocolVersion,
    string SubmissionType,
    string RiskLevel,
    string Decision,
    string? Conditions,
    DateOnly? ApprovedOn,
    DateOnly? ExpiresOn,
    IReadOnlyList<Guid> ConsentVersionIds,
    string SignerName,
    DateTimeOffset SignedAt);
