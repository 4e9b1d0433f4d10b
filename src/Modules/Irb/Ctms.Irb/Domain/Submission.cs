using Ctms.Shared.Audit;
using Ctms.Irb.Domain.Rules;
using Ctms.Shared.Results;
using Ctms.Shared.Signatures;

namespace Ctms.Irb.Domain;

/// <summary>
/// A submission to an IRB and, once decided, its decision. A decision takes effect only when the chair signs it;
/// after that it is frozen.
/// </summary>
internal sealed class Submission : IAuditable
{
    private readonly List<SubmissionReviewer> _reviewers = [];
    private readonly List<SubmissionComment> _comments = [];
    private readonly List<SubmissionVote> _votes = [];
    private readonly List<SubmissionDocument> _documents = [];

    private Submission() { }

    public Submission(Guid irbId, Guid trialId, string protocolNumber, Guid protocolVersionId, string protocolVersion,
        string type, string riskLevel, DateTimeOffset receivedAt, IEnumerable<SubmissionDocument> documents)
    {
        Id = Guid.NewGuid();
        IrbId = irbId;
        TrialId = trialId;
        ProtocolNumber = protocolNumber;
        ProtocolVersionId = protocolVersionId;
        ProtocolVersion = protocolVersion;
        Type = type;
        RiskLevel = riskLevel;
        ReceivedAt = receivedAt;
        _documents.AddRange(documents);
    }

    public Guid Id { get; private set; }
    public Guid IrbId { get; private set; }
    public Guid TrialId { get; private set; }
    public string ProtocolNumber { get; private set; } = "";
    public Guid ProtocolVersionId { get; private set; }
    public string ProtocolVersion { get; private set; } = "";
    public string Type { get; private set; } = SubmissionTypes.Initial;
    public string RiskLevel { get; private set; } = RiskLevels.GreaterThanMinimal;
    public DateTimeOffset ReceivedAt { get; private set; }
    public string Status { get; private set; } = SubmissionStatus.Received;
    public string? ReviewPath { get; private set; }
    public int ContinuingReviewMonths { get; private set; } = ApprovalPeriod.DefaultMonths;
    public string? Decision { get; private set; }
    public string? Conditions { get; private set; }
    public DateTimeOffset? DecisionRecordedAt { get; private set; }
    public DateOnly? ApprovedOn { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public Guid? SignatureId { get; private set; }
    public string? SignerUserId { get; private set; }
    public string? SignerName { get; private set; }
    public DateTimeOffset? SignedAt { get; private set; }
    public string? SignatureMeaning { get; private set; }
    public string? SignedContentHash { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<SubmissionReviewer> Reviewers => _reviewers;
    public IReadOnlyList<SubmissionComment> Comments => _comments;
    public IReadOnlyList<SubmissionVote> Votes => _votes;
    public IReadOnlyList<SubmissionDocument> Documents => _documents;

    public bool IsSigned => SignatureId is not null;

    public Result AssignReviewer(string userId, string name)
    {
        if (Frozen() is { } frozen)
        {
            return frozen;
        }

        if (_reviewers.Any(r => r.UserId == userId))
        {
            return Result.Failure(Error.Rule("already-reviewer", $"{name} already reviews this submission."));
        }

        _reviewers.Add(new SubmissionReviewer(Id, userId, name));
        Status = SubmissionStatus.UnderReview;
        Version++;
        return Result.Success();
    }

    public Result AddComment(string author, string text, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result.Failure(Error.Validation("Text", "A comment needs text."));
        }

        _comments.Add(new SubmissionComment(Id, author, text.Trim(), at));
        Version++;
        return Result.Success();
    }

    public Result ChooseReviewPath(string path, int continuingReviewMonths)
    {
        if (Frozen() is { } frozen)
        {
            return frozen;
        }

        if (path is not (ReviewPaths.Convened or ReviewPaths.Expedited))
        {
            return Result.Failure(Error.Validation("ReviewPath", "Choose convened or expedited review."));
        }

        if (continuingReviewMonths is < 1 or > 12)
        {
            return Result.Failure(Error.Validation("ContinuingReviewMonths", "Continuing review is due at least every 12 months (1 to 12)."));
        }

        ReviewPath = path;
        ContinuingReviewMonths = continuingReviewMonths;
        Status = SubmissionStatus.UnderReview;
        Version++;
        return Result.Success();
    }

    public Result RecordVote(string memberUserId, string vote)
    {
        if (Frozen() is { } frozen)
        {
            return frozen;
        }

        if (ReviewPath != ReviewPaths.Convened)
        {
            return Result.Failure(Error.Rule("not-convened", "Votes are recorded only for convened review."));
        }

        if (vote is not (Domain.Votes.For or Domain.Votes.Against or Domain.Votes.Abstain))
        {
            return Result.Failure(Error.Validation("Vote", "A vote is for, against or abstain."));
        }

        _votes.RemoveAll(v => v.MemberUserId == memberUserId);
        _votes.Add(new SubmissionVote(Id, memberUserId, vote));
        Version++;
        return Result.Success();
    }

    /// <summary>Records the decision (not yet in effect): quorum and majority for convened review; expedited review may not disapprove.</summary>
    public Result RecordDecision(string decision, string? conditions, int votingMembers, DateTimeOffset at)
    {
        if (Frozen() is { } frozen)
        {
            return frozen;
        }

        var errors = new List<Error>();
        if (!Decisions.All.Contains(decision))
        {
            errors.Add(Error.Validation("Decision", $"A decision is one of: {string.Join(", ", Decisions.All)}."));
        }

        if (ReviewPath is null)
        {
            errors.Add(Error.Rule("no-review-path", "Choose convened or expedited review before deciding."));
        }

        if (decision == Decisions.ApprovedWithConditions && string.IsNullOrWhiteSpace(conditions))
        {
            errors.Add(Error.Validation("Conditions", "State the conditions of the approval."));
        }

        if (ReviewPath == ReviewPaths.Expedited && decision == Decisions.Disapproved)
        {
            errors.Add(Error.Rule("expedited-disapproval", "Expedited review cannot disapprove; refer the submission to a convened meeting."));
        }

        if (ReviewPath == ReviewPaths.Convened)
        {
            var present = _votes.Count;
            if (!Quorum.IsMet(votingMembers, present))
            {
                errors.Add(Error.Rule("no-quorum", $"No quorum: {present} of {votingMembers} voting members voted; more than half must be present."));
            }
            else if (decision is Decisions.Approved or Decisions.ApprovedWithConditions &&
                     !Quorum.Carries(present, _votes.Count(v => v.Vote == Domain.Votes.For)))
            {
                errors.Add(Error.Rule("not-carried", "An approval needs the votes of a majority of the members present."));
            }
        }

        if (errors.Count > 0)
        {
            return Result.Failure([.. errors]);
        }

        Decision = decision;
        Conditions = string.IsNullOrWhiteSpace(conditions) ? null : conditions.Trim();
        DecisionRecordedAt = at;
        Status = SubmissionStatus.Decided;
        Version++;
        return Result.Success();
    }

    public bool IsApproval => Decision is Decisions.Approved or Decisions.ApprovedWithConditions;

    public SignatureMeaning SignatureMeaningRequired => IsApproval ? Shared.Signatures.SignatureMeaning.Approval : Shared.Signatures.SignatureMeaning.Disapproval;

    /// <summary>What the chair signs: the decision's facts, one per line, so any change shows in the hash.</summary>
    public string DecisionContent() =>
        string.Join('\n', $"submission:{Id}", $"irb:{IrbId}", $"trial:{TrialId}", $"protocol-version:{ProtocolVersionId}:{ProtocolVersion}",
            $"type:{Type}", $"risk:{RiskLevel}", $"decision:{Decision}", $"conditions:{Conditions}", $"review:{ReviewPath}",
            $"interval-months:{ContinuingReviewMonths}");

    /// <summary>The chair's signature puts the decision in effect. The approval period is given by the caller (amendments inherit it).</summary>
    public Result Sign(SignatureManifestation signature, DateOnly? approvedOn, DateOnly? expiresOn)
    {
        if (Decision is null)
        {
            return Result.Failure(Error.Rule("no-decision", "Record the decision before signing it."));
        }

        if (IsSigned)
        {
            return Result.Failure(Error.Rule("already-signed", "This decision is already signed."));
        }

        if (!signature.Covers(DecisionContent()))
        {
            return Result.Failure(Error.Rule("content-changed", "The decision changed while it was being signed; review it and sign again."));
        }

        SignatureId = signature.SignatureId;
        SignerUserId = signature.SignerUserId;
        SignerName = signature.PrintedName;
        SignedAt = signature.SignedAtUtc;
        SignatureMeaning = signature.Meaning.ToString().ToLowerInvariant();
        SignedContentHash = signature.ContentHash;
        ApprovedOn = IsApproval ? approvedOn : null;
        ExpiresOn = IsApproval ? expiresOn : null;
        Status = SubmissionStatus.Signed;
        Version++;
        return Result.Success();
    }

    public string? ManifestationText => SignerName is null
        ? null
        : $"Signed by {SignerName} on {SignedAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC — meaning: {SignatureMeaning}";

    private Result? Frozen() => IsSigned
        ? Result.Failure(Error.Rule("decision-signed", "The decision is signed; the submission can no longer change."))
        : null;
}

internal static class SubmissionStatus
{
    public const string Received = "received";
    public const string UnderReview = "under-review";
    public const string Decided = "decided";
    public const string Signed = "signed";
}

internal sealed class SubmissionReviewer : IAuditable
{
    private SubmissionReviewer() { }

    public SubmissionReviewer(Guid submissionId, string userId, string name)
    {
        SubmissionId = submissionId;
        UserId = userId;
        Name = name;
    }

    public Guid SubmissionId { get; private set; }
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
}

internal sealed class SubmissionComment : IAuditable
{
    private SubmissionComment() { }

    public SubmissionComment(Guid submissionId, string author, string text, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        SubmissionId = submissionId;
        Author = author;
        Text = text;
        At = at;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    public string Author { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
}

internal sealed class SubmissionVote : IAuditable
{
    private SubmissionVote() { }

    public SubmissionVote(Guid submissionId, string memberUserId, string vote)
    {
        SubmissionId = submissionId;
        MemberUserId = memberUserId;
        Vote = vote;
    }

    public Guid SubmissionId { get; private set; }
    public string MemberUserId { get; private set; } = "";
    public string Vote { get; private set; } = "";
}

/// <summary>A document under review: the protocol version or a consent version.</summary>
internal sealed class SubmissionDocument : IAuditable
{
    private SubmissionDocument() { }

    public SubmissionDocument(string kind, Guid referenceId, string name, string version, string? language)
    {
        Id = Guid.NewGuid();
        Kind = kind;
        ReferenceId = referenceId;
        Name = name;
        Version = version;
        Language = language;
    }

    public Guid Id { get; private set; }
    public Guid SubmissionId { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid ReferenceId { get; private set; }
    public string Name { get; private set; } = "";
    public string Version { get; private set; } = "";
    public string? Language { get; private set; }
}
