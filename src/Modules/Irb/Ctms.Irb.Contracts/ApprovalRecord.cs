namespace Ctms.Irb.Contracts;

/// <summary>An approval as recorded (in force or not): the institutions it covers, its period and its lapse, if any.</summary>
public sealed record ApprovalRecord(
    Guid ApprovalId,
    Guid IrbId,
    string IrbName,
    bool Recognised,
    Guid ReviewingIrbId,
    Guid TrialId,
    Guid ProtocolVersionId,
    IReadOnlyList<Guid> InstitutionIds,
    DateOnly ApprovedOn,
    DateOnly ExpiresOn,
    DateOnly? LapsedOn,
    string? LapseReason);
