using Ctms.Shared.Audit;
using Ctms.Shared.Results;

namespace Ctms.Subjects.Domain;

/// <remarks>
/// Regulated: audited, and a change after creation needs a reason for change (handlers give the action as the reason).
/// Pseudonymous: the direct identifiers live encrypted in <see cref="SubjectIdentity"/>.
/// </remarks>
internal sealed class Subject : IRequiresReasonForChange
{
    private Subject() { }

    private Subject(Guid id, Guid trialId, Guid siteId, string subjectNumber)
    {
        Id = id;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
    }

    public Guid Id { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }

    /// <summary>Pseudonymous: site code + sequence, unique and never reused.</summary>
    public string SubjectNumber { get; private set; } = "";

    public string Status { get; private set; } = SubjectStatus.Candidate;
    public DateOnly? ScreenedOn { get; private set; }
    public string? ScreenedBy { get; private set; }

    public Guid? ConsentVersionId { get; private set; }
    public string? ConsentVersionLabel { get; private set; }
    public DateOnly? ConsentedOn { get; private set; }

    /// <summary>Set when a newer consent version was approved for the site; cleared when the subject signs it.</summary>
    public Guid? ReconsentVersionId { get; private set; }
    public string? ReconsentVersionLabel { get; private set; }

    public Guid? ProtocolVersionId { get; private set; }
    public bool? Eligible { get; private set; }
    public string? EligibilityReasons { get; private set; }
    public DateOnly? EligibilityAssessedOn { get; private set; }

    public DateTimeOffset? EnrolledAt { get; private set; }
    public string? EnrolledBy { get; private set; }

    /// <summary>The schedule's baseline: the enrollment date until the baseline visit's actual date is recorded.</summary>
    public DateOnly? AnchorDate { get; private set; }

    public Guid? ArmId { get; private set; }
    public string? ArmName { get; private set; }
    public string? Stratum { get; private set; }
    public DateTimeOffset? RandomizedAt { get; private set; }

    public DateOnly? WithdrawnOn { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public int Version { get; private set; }

    public bool ReconsentRequired => ReconsentVersionId is not null;
    public bool IsActive => SubjectStatus.Active.Contains(Status);

    public static Subject Screen(Guid trialId, Guid siteId, string subjectNumber, DateOnly screenedOn, string screenedBy) =>
        new(Guid.NewGuid(), trialId, siteId, subjectNumber)
        {
            Status = SubjectStatus.Screening,
            ScreenedOn = screenedOn,
            ScreenedBy = screenedBy,
        };

    /// <summary>The earliest study procedure recorded for the subject (eligibility or a visit), which consent must not follow.</summary>
    public Error? SignConsent(Guid consentVersionId, string label, DateOnly signedOn, DateOnly? earliestProcedure)
    {
        if (!IsActive)
        {
            return Error.Rule("subject-not-active", $"Subject {SubjectNumber} is '{Status}': consent is recorded only for active subjects.");
        }

        if (earliestProcedure is { } first && first < signedOn)
        {
            return Error.Rule("procedure-before-consent",
                $"A study procedure of {SubjectNumber} is dated {first:yyyy-MM-dd}, before this consent date: consent must come first.");
        }

        ConsentVersionId = consentVersionId;
        ConsentVersionLabel = label;
        ConsentedOn = ConsentedOn is { } earlier && earlier < signedOn ? earlier : signedOn;
        if (ReconsentVersionId == consentVersionId)
        {
            ReconsentVersionId = null;
            ReconsentVersionLabel = null;
        }

        Version++;
        return null;
    }

    /// <returns>False when the subject already must sign that version (nothing changes).</returns>
    public bool RequireReconsent(Guid consentVersionId, string label)
    {
        if (ReconsentVersionId == consentVersionId || ConsentVersionId == consentVersionId || !IsActive)
        {
            return false;
        }

        ReconsentVersionId = consentVersionId;
        ReconsentVersionLabel = label;
        Version++;
        return true;
    }

    public Error? AssessEligibility(Guid protocolVersionId, bool eligible, IReadOnlyList<string> reasons, DateOnly assessedOn)
    {
        if (Status != SubjectStatus.Screening && Status != SubjectStatus.Eligible)
        {
            return Illegal(eligible ? SubjectStatus.Eligible : SubjectStatus.Ineligible);
        }

        if (ConsentedOn is not { } consented)
        {
            return Error.Rule("consent-missing", $"Subject {SubjectNumber} has not signed consent: eligibility is a study procedure and needs consent first.");
        }

        if (assessedOn < consented)
        {
            return Error.Validation("assessedOn", $"Eligibility cannot be assessed before the consent date {consented:yyyy-MM-dd}.");
        }

        ProtocolVersionId = protocolVersionId;
        Eligible = eligible;
        EligibilityReasons = reasons.Count == 0 ? null : string.Join("\n", reasons);
        EligibilityAssessedOn = assessedOn;
        Status = eligible ? SubjectStatus.Eligible : SubjectStatus.Ineligible;
        Version++;
        return null;
    }

    public Error? Enroll(Guid protocolVersionId, DateTimeOffset at, DateOnly on, string enrolledBy)
    {
        if (!SubjectStatus.CanMove(Status, SubjectStatus.OnStudy) || Status != SubjectStatus.Eligible)
        {
            return Status == SubjectStatus.Screening
                ? Error.Rule("not-eligible", $"Subject {SubjectNumber} has no eligibility assessment confirming eligibility yet.")
                : Illegal(SubjectStatus.OnStudy);
        }

        Status = SubjectStatus.OnStudy;
        ProtocolVersionId = protocolVersionId;
        EnrolledAt = at;
        EnrolledBy = enrolledBy;
        AnchorDate = on;
        Version++;
        return null;
    }

    public Error? Randomize(Guid armId, string armName, string stratum, DateTimeOffset at)
    {
        if (Status != SubjectStatus.OnStudy)
        {
            return Error.Rule("not-enrolled", $"Subject {SubjectNumber} is '{Status}': only enrolled (on-study) subjects are randomized.");
        }

        if (ArmId is not null)
        {
            return Error.Rule("already-randomized", $"Subject {SubjectNumber} is already randomized; an allocation is never changed.");
        }

        ArmId = armId;
        ArmName = armName;
        Stratum = stratum;
        RandomizedAt = at;
        Version++;
        return null;
    }

    public void MoveAnchor(DateOnly anchor)
    {
        AnchorDate = anchor;
        Version++;
    }

    public Error? Withdraw(string reason, DateOnly on)
    {
        if (!IsActive)
        {
            return Illegal(SubjectStatus.Withdrawn);
        }

        Status = SubjectStatus.Withdrawn;
        WithdrawalReason = reason;
        WithdrawnOn = on;
        Version++;
        return null;
    }

    public Error? Complete(DateOnly on)
    {
        if (!SubjectStatus.CanMove(Status, SubjectStatus.OffStudy))
        {
            return Illegal(SubjectStatus.OffStudy);
        }

        Status = SubjectStatus.OffStudy;
        CompletedOn = on;
        Version++;
        return null;
    }

    private Error Illegal(string to) =>
        Error.Rule("illegal-transition", $"Subject {SubjectNumber} is '{Status}' and cannot become '{to}'.");
}
