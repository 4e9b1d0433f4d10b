namespace Ctms.Irb.Contracts.IntegrationEvents;

/// <summary>
/// An approval took effect for the institutions an IRB governs: its own signed approval, or a recognition
/// whose local-context review was signed. Sites record the "IRB approval" milestone from it.
/// </summary>
public sealed record IrbApprovalGranted(
    Guid ApprovalId,
    Guid IrbId,
    IReadOnlyList<Guid> InstitutionIds,
    Guid TrialId,
    Guid ProtocolVersionId,
    bool Recognised,
    DateOnly ApprovedOn,
    DateOnly ExpiresOn,
    DateTimeOffset OccurredAt)
{
    /// <summary>The consent versions the approved decision covered (empty when it covered none, or from an older sender).</summary>
    public IReadOnlyList<Guid> ConsentVersionIds { get; init; } = [];
}
