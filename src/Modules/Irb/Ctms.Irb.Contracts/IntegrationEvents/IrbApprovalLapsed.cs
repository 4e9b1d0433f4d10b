namespace Ctms.Irb.Contracts.IntegrationEvents;

/// <summary>
/// An approval (own or recognised) stopped being in force: enrollment and new procedures stop at the covered
/// institutions. <see cref="DecisionId"/> is the signed decision it came from, so relying centers lapse their
/// recognitions of it too.
/// </summary>
public sealed record IrbApprovalLapsed(
    Guid ApprovalId,
    string CenterId,
    Guid IrbId,
    Guid ReviewingIrbId,
    bool Recognised,
    Guid DecisionId,
    IReadOnlyList<Guid> InstitutionIds,
    Guid TrialId,
    Guid ProtocolVersionId,
    string Reason,
    DateOnly LapsedOn,
    DateTimeOffset OccurredAt);
