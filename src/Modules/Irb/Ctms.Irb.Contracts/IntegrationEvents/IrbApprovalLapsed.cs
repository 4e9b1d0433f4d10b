namespace Ctms.Irb.Contracts.IntegrationEvents;

/// <summary>An approval (own or recognised) stopped being in force: enrollment and new procedures stop at the covered institutions.</summary>
public sealed record IrbApprovalLapsed(
    Guid ApprovalId,
    Guid IrbId,
    IReadOnlyList<Guid> InstitutionIds,
    Guid TrialId,
    Guid ProtocolVersionId,
    string Reason,
    DateOnly LapsedOn,
    DateTimeOffset OccurredAt);
