namespace Ctms.Shared.Seeding;

// The generated data set as plain values. Each module's scale seeder maps the parts it owns to its own tables;
// vocabulary (statuses, kinds) is spelled as the modules' contracts spell it.

public sealed record PlannedInstitution(int Index, Guid Id, string Name, string Country, Guid IrbId, string IrbName);

public sealed record PlannedArm(Guid Id, int Order, string Name, string Type);

/// <param name="TargetDay">Day 1 = the baseline (anchor) date; negative days count back from it (no Day 0).</param>
public sealed record PlannedVisitDefinition(int Order, string Name, int TargetDay, int WindowBefore, int WindowAfter, IReadOnlyList<string> Procedures);

public sealed record PlannedMilestone(Guid Id, int Order, string Kind, DateOnly Planned, DateOnly? Actual);

public sealed record PlannedApproval(Guid Id, Guid DecisionId, Guid TrialId, Guid ProtocolVersionId, Guid IrbId, string IrbName, Guid ReviewingIrbId,
    bool Recognised, Guid InstitutionId, DateOnly ApprovedOn, DateOnly ExpiresOn, DateOnly? LapsedOn, string? LapseReason);

public sealed record PlannedSite(int Index, Guid Id, Guid TrialId, PlannedInstitution Institution, string Code, string PrincipalInvestigator,
    string Status, DateTimeOffset StatusAt, int TargetEnrollment, DateTimeOffset? ActivatedAt, IReadOnlyList<PlannedMilestone> Milestones)
{
    /// <summary>Screened subjects the plan puts at this site (0 unless it was ever activated).</summary>
    public int Subjects { get; init; }

    /// <summary>Position of the site in the whole plan (trial × sites per trial + site), the base of its subjects' ids.</summary>
    public int GlobalIndex { get; init; }

    public DateOnly? ActivatedOn => ActivatedAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : null;
}

public sealed record PlannedTrial(int Index, Guid Id, string ProtocolNumber, string Title, string Phase, string TherapeuticArea, int TargetEnrollment,
    int SaeReportingHours, DateTimeOffset RegisteredAt, Guid ProtocolVersionId, Guid ConsentVersionId, string ConsentLabel,
    IReadOnlyList<PlannedArm> Arms, IReadOnlyList<string> Inclusion, IReadOnlyList<string> Exclusion, Guid IrbOfRecordId)
{
    public IReadOnlyList<PlannedSite> Sites { get; init; } = [];
    public IReadOnlyList<PlannedApproval> Approvals { get; init; } = [];
}

public sealed record PlannedVisit(Guid Id, int Order, string Name, DateOnly Planned, DateOnly Earliest, DateOnly Latest, string Status,
    DateOnly? Actual, bool OutOfWindow, string? Reason);

/// <param name="DueAt">Set for serious events: aware + the trial's reporting hours.</param>
public sealed record PlannedAdverseEvent(Guid Id, string Term, DateOnly OnsetOn, string Severity, string Causality, IReadOnlyList<string> SeriousnessCriteria,
    DateTimeOffset AwareAt, DateTimeOffset? DueAt, DateTimeOffset ReportedAt)
{
    public bool Serious => SeriousnessCriteria.Count > 0;

    public bool Late => DueAt is { } due && ReportedAt > due;
}

public sealed record PlannedDeviation(Guid Id, string Category, string Severity, string Description, DateOnly OccurredOn, DateOnly IdentifiedOn,
    string Source, Guid? VisitId, DateTimeOffset RecordedAt);

/// <summary>One subject's whole story: lifecycle dates, visits, adverse events and deviations, and direct identifiers.</summary>
public sealed record PlannedSubject(Guid Id, Guid TrialId, Guid SiteId, string SubjectNumber, int Sequence, string Status, DateTimeOffset StatusAt,
    DateOnly ScreenedOn, DateOnly ConsentedOn)
{
    /// <summary>The subject's index in the whole plan, the base of its rows' ids.</summary>
    public long Index { get; init; }

    public bool? Eligible { get; init; }
    public DateOnly? EligibilityAssessedOn { get; init; }
    public IReadOnlyList<string> ScreenFailReasons { get; init; } = [];
    public DateTimeOffset? EnrolledAt { get; init; }
    public DateOnly? AnchorDate { get; init; }
    public PlannedArm? Arm { get; init; }
    public DateOnly? WithdrawnOn { get; init; }
    public string? WithdrawalReason { get; init; }
    public DateOnly? CompletedOn { get; init; }
    public IReadOnlyList<PlannedVisit> Visits { get; init; } = [];
    public IReadOnlyList<PlannedAdverseEvent> AdverseEvents { get; init; } = [];
    public IReadOnlyList<PlannedDeviation> Deviations { get; init; } = [];
    public string FullName { get; init; } = "";
    public DateOnly BirthDate { get; init; }
    public string Contact { get; init; } = "";
}
