namespace Ctms.Subjects.Contracts;

/// <summary>
/// A subject as other modules see it: pseudonymous, never a direct identifier. Status is the FHIR R4 ResearchSubject code.
/// Arm fields are set once randomized; other modules must not show them to blinded site staff unless the trial is open-label.
/// </summary>
public sealed record SubjectSummary(Guid Id, Guid TrialId, Guid SiteId, string SubjectNumber, string Status, DateTimeOffset? EnrolledAt)
{
    public DateOnly? ScreenedOn { get; init; }
    public Guid? ProtocolVersionId { get; init; }
    public Guid? ConsentVersionId { get; init; }
    public DateOnly? ConsentedOn { get; init; }
    public bool ReconsentRequired { get; init; }
    public bool? Eligible { get; init; }
    public Guid? ArmId { get; init; }
    public string? ArmName { get; init; }
    public DateTimeOffset? RandomizedAt { get; init; }
    public DateOnly? WithdrawnOn { get; init; }
    public string? WithdrawalReason { get; init; }

    /// <summary>Why the eligibility assessment failed (empty unless <see cref="Eligible"/> is false and reasons were given).</summary>
    public IReadOnlyList<string> ScreenFailReasons { get; init; } = [];

    /// <summary>Set when the subject finished the schedule (off-study without withdrawal).</summary>
    public DateOnly? CompletedOn { get; init; }
}

/// <param name="Status">planned, occurred, missed or not-applicable (a planned visit past its window is reported as overdue by <see cref="StateOn"/>).</param>
public sealed record VisitSummary(
    Guid Id,
    Guid SubjectId,
    string SubjectNumber,
    Guid SiteId,
    string VisitName,
    int Order,
    string Status,
    DateOnly Planned,
    DateOnly Earliest,
    DateOnly Latest,
    DateOnly? ActualDate,
    bool OutOfWindow)
{
    /// <summary>The visit's state on a date: occurred, missed, not-applicable, overdue (planned, window closed) or the window state.</summary>
    public string StateOn(DateOnly date) => Status != "planned"
        ? Status
        : date < Earliest ? "not-yet-open" : date < Planned ? "open-before-target" : date <= Latest ? "open-after-target" : "overdue";
}
