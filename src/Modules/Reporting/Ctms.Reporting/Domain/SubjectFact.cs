namespace Ctms.Reporting.Domain;

/// <summary>
/// One subject as the read model knows it: the dates of each lifecycle step, set (never counted) by their events, so a
/// duplicate or late event changes nothing and counts are derived from row states. Pseudonymous number only.
/// </summary>
internal sealed class SubjectFact
{
    private SubjectFact() { }

    public SubjectFact(Guid subjectId, Guid trialId, Guid siteId, string subjectNumber)
    {
        SubjectId = subjectId;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
    }

    public Guid SubjectId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public string SubjectNumber { get; private set; } = "";
    public string Status { get; private set; } = "";
    public DateTimeOffset? StatusAt { get; private set; }
    public DateOnly? ScreenedOn { get; set; }
    public DateOnly? ConsentedOn { get; set; }
    public bool? Eligible { get; private set; }
    public string? ScreenFailReasons { get; private set; }
    public DateTimeOffset? EligibilityAt { get; private set; }
    public DateOnly? EnrolledOn { get; private set; }
    public DateTimeOffset? EnrolledAt { get; private set; }
    public Guid? ArmId { get; private set; }
    public string? ArmName { get; private set; }
    public DateOnly? WithdrawnOn { get; set; }
    public string? WithdrawalReason { get; set; }
    public bool Completed { get; set; }
    public DateOnly? CompletedOn { get; set; }

    /// <summary>Last write by event time: an older status arriving late does not replace a newer one.</summary>
    public void SetStatus(string status, DateTimeOffset at)
    {
        if (StatusAt is null || at >= StatusAt)
        {
            Status = status;
            StatusAt = at;
        }
    }

    public void SetEligibility(bool eligible, IReadOnlyList<string> reasons, DateTimeOffset at)
    {
        if (EligibilityAt is null || at >= EligibilityAt)
        {
            Eligible = eligible;
            ScreenFailReasons = eligible || reasons.Count == 0 ? null : string.Join("; ", reasons);
            EligibilityAt = at;
        }
    }

    /// <summary>The rebuild's outcome, without an event time: the owner's current state is the latest by definition.</summary>
    public void SetEligibilityOutcome(bool? eligible, IReadOnlyList<string> reasons)
    {
        Eligible = eligible;
        ScreenFailReasons = eligible == false && reasons.Count > 0 ? string.Join("; ", reasons) : null;
    }

    public void SetEnrolled(DateTimeOffset enrolledAt)
    {
        EnrolledAt = enrolledAt;
        EnrolledOn = DateOnly.FromDateTime(enrolledAt.UtcDateTime);
        if (StatusAt is null)
        {
            // Until a status event says more, an enrolled subject is on study (the status event may come later or never).
            Status = "on-study";
        }
    }

    public void SetArm(Guid? armId, string? armName)
    {
        ArmId = armId;
        ArmName = armName;
    }
}
