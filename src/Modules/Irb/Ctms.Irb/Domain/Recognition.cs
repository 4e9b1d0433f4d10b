using Ctms.Shared.Audit;
using Ctms.Shared.Results;
using Ctms.Shared.Signatures;

namespace Ctms.Irb.Domain;

/// <summary>
/// What a relying IRB made of another IRB's signed decision: pending its local-context review, in force, lapsed
/// with the reviewing IRB's approval, or refused with the reason.
/// </summary>
internal sealed class Recognition : IAuditable
{
    private Recognition() { }

    private Recognition(Guid decisionId, Guid relyingIrbId, Guid reviewingIrbId, string reviewingIrbName, string reviewingCenterId,
        Guid trialId, string protocolNumber, Guid protocolVersionId, string protocolVersion, string submissionType,
        DateOnly? approvedOn, DateOnly? expiresOn, string canonicalDecision, DateTimeOffset receivedAt)
    {
        Id = Guid.NewGuid();
        DecisionId = decisionId;
        RelyingIrbId = relyingIrbId;
        ReviewingIrbId = reviewingIrbId;
        ReviewingIrbName = reviewingIrbName;
        ReviewingCenterId = reviewingCenterId;
        TrialId = trialId;
        ProtocolNumber = protocolNumber;
        ProtocolVersionId = protocolVersionId;
        ProtocolVersion = protocolVersion;
        SubmissionType = submissionType;
        ApprovedOn = approvedOn;
        ExpiresOn = expiresOn;
        CanonicalDecision = canonicalDecision;
        ReceivedAt = receivedAt;
    }

    public Guid Id { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid RelyingIrbId { get; private set; }
    public Guid ReviewingIrbId { get; private set; }
    public string ReviewingIrbName { get; private set; } = "";
    public string ReviewingCenterId { get; private set; } = "";
    public Guid? AgreementId { get; private set; }
    public Guid TrialId { get; private set; }
    public string ProtocolNumber { get; private set; } = "";
    public Guid ProtocolVersionId { get; private set; }
    public string ProtocolVersion { get; private set; } = "";
    public string SubmissionType { get; private set; } = "";
    public DateOnly? ApprovedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string CanonicalDecision { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Status { get; private set; } = RecognitionStatus.PendingLocalReview;
    public string? RefusalCode { get; private set; }
    public string? RefusalReason { get; private set; }
    public bool LocalLawAndPolicy { get; private set; }
    public bool ConflictsOfInterest { get; private set; }
    public bool StaffQualifications { get; private set; }
    public bool ConsentLanguage { get; private set; }
    public bool Privacy { get; private set; }
    public string? LocalNotes { get; private set; }
    public string? LocalReviewSignedBy { get; private set; }
    public DateTimeOffset? EffectiveAt { get; private set; }
    public Guid? ApprovalId { get; private set; }
    public int Version { get; private set; }

    public static Recognition Pending(Guid agreementId, Guid relyingIrbId, Contracts.IntegrationEvents.SignedIrbDecision d, string canonical, DateTimeOffset at) =>
        new(d.DecisionId, relyingIrbId, d.ReviewingIrbId, d.ReviewingIrbName, d.CenterId, d.TrialId, d.ProtocolNumber,
            d.ProtocolVersionId, d.ProtocolVersion, d.SubmissionType, d.ApprovedOn, d.ExpiresOn, canonical, at)
        {
            AgreementId = agreementId,
        };

    public static Recognition Refused(Guid relyingIrbId, Guid decisionId, Guid reviewingIrbId, string reviewingIrbName, string centerId,
        Guid trialId, string protocolNumber, Guid protocolVersionId, string protocolVersion, string submissionType,
        string canonical, string code, string reason, DateTimeOffset at) =>
        new(decisionId, relyingIrbId, reviewingIrbId, reviewingIrbName, centerId, trialId, protocolNumber, protocolVersionId,
            protocolVersion, submissionType, null, null, canonical, at)
        {
            Status = RecognitionStatus.Refused,
            RefusalCode = code,
            RefusalReason = reason,
        };

    public string LocalReviewContent() =>
        string.Join('\n', $"recognition:{Id}", $"decision:{DecisionId}", $"relying-irb:{RelyingIrbId}",
            $"local-law:{LocalLawAndPolicy}", $"coi:{ConflictsOfInterest}", $"staff:{StaffQualifications}",
            $"consent-language:{ConsentLanguage}", $"privacy:{Privacy}", $"notes:{LocalNotes}");

    public Result RecordChecklist(bool localLaw, bool conflicts, bool staff, bool consentLanguage, bool privacy, string? notes)
    {
        if (Status != RecognitionStatus.PendingLocalReview)
        {
            return Result.Failure(Error.Rule("not-pending", $"This recognition is {Status}; its local review is closed."));
        }

        LocalLawAndPolicy = localLaw;
        ConflictsOfInterest = conflicts;
        StaffQualifications = staff;
        ConsentLanguage = consentLanguage;
        Privacy = privacy;
        LocalNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        Version++;
        return Result.Success();
    }

    public IReadOnlyList<Error> MissingChecks()
    {
        var missing = new List<Error>();
        void Require(bool ok, string field, string what)
        {
            if (!ok)
            {
                missing.Add(Error.Validation(field, $"Confirm {what}."));
            }
        }

        Require(LocalLawAndPolicy, nameof(LocalLawAndPolicy), "local law and institutional policy");
        Require(ConflictsOfInterest, nameof(ConflictsOfInterest), "conflicts of interest were reviewed");
        Require(StaffQualifications, nameof(StaffQualifications), "staff qualifications and training");
        Require(ConsentLanguage, nameof(ConsentLanguage), "site-specific consent language");
        Require(Privacy, nameof(Privacy), "privacy requirements");
        return missing;
    }

    /// <summary>The relying chair's signature on a complete checklist puts the recognition in force.</summary>
    public Result TakeEffect(SignatureManifestation signature, Guid approvalId)
    {
        if (Status != RecognitionStatus.PendingLocalReview)
        {
            return Result.Failure(Error.Rule("not-pending", $"This recognition is {Status}."));
        }

        if (MissingChecks() is { Count: > 0 } missing)
        {
            return Result.Failure([.. missing]);
        }

        if (!signature.Covers(LocalReviewContent()))
        {
            return Result.Failure(Error.Rule("content-changed", "The checklist changed while it was being signed."));
        }

        Status = RecognitionStatus.InForce;
        LocalReviewSignedBy = signature.Display;
        EffectiveAt = signature.SignedAtUtc;
        ApprovalId = approvalId;
        Version++;
        return Result.Success();
    }

    public bool Lapse(string reason)
    {
        if (Status is not (RecognitionStatus.InForce or RecognitionStatus.PendingLocalReview))
        {
            return false;
        }

        Status = RecognitionStatus.Lapsed;
        RefusalReason = reason;
        Version++;
        return true;
    }
}

internal static class RecognitionStatus
{
    public const string PendingLocalReview = "pending-local-review";
    public const string InForce = "in-force";
    public const string Lapsed = "lapsed";
    public const string Refused = "refused";
}

internal static class RefusalCodes
{
    public const string NoAgreement = "no-agreement";
    public const string OutOfScope = "out-of-scope";
    public const string BadSignature = "bad-signature";
    public const string Expired = "expired";
    public const string NotAnApproval = "not-an-approval";
}
