using Ctms.Irb.Domain;
using Ctms.Irb.Domain.Rules;
using Ctms.Shared.Signatures;

namespace Ctms.UnitTests.Irb;

[Trait("Category", "IrbRecognition")]
public sealed class SubmissionDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static Submission NewSubmission() =>
        new(Guid.NewGuid(), Guid.NewGuid(), "HB-ONC-301", Guid.NewGuid(), "1.0", SubmissionTypes.Initial, RiskLevels.GreaterThanMinimal, Now, []);

    [Theory]
    [InlineData(5, 3, true)]
    [InlineData(5, 2, false)]
    [InlineData(4, 2, false)] // exactly half is not a majority
    [InlineData(0, 0, false)]
    public void Quorum_needs_more_than_half_of_the_voting_members(int members, int present, bool met) =>
        Assert.Equal(met, Quorum.IsMet(members, present));

    [Fact]
    public void A_convened_approval_without_quorum_is_refused_and_nothing_changes()
    {
        var submission = NewSubmission();
        submission.ChooseReviewPath(ReviewPaths.Convened, 12);
        submission.RecordVote("u1", Votes.For);

        var result = submission.RecordDecision(Decisions.Approved, null, votingMembers: 5, Now);

        Assert.Contains(result.Errors, e => e.Code == "no-quorum");
        Assert.Null(submission.Decision);
    }

    [Fact]
    public void A_convened_approval_needs_a_majority_of_those_present()
    {
        var submission = NewSubmission();
        submission.ChooseReviewPath(ReviewPaths.Convened, 12);
        submission.RecordVote("u1", Votes.For);
        submission.RecordVote("u2", Votes.Against);
        submission.RecordVote("u3", Votes.Abstain);

        Assert.Contains(submission.RecordDecision(Decisions.Approved, null, 5, Now).Errors, e => e.Code == "not-carried");

        submission.RecordVote("u3", Votes.For); // changes u3's vote, no second vote
        Assert.True(submission.RecordDecision(Decisions.Approved, null, 5, Now).IsSuccess);
        Assert.Equal(3, submission.Votes.Count);
    }

    [Fact]
    public void Expedited_review_cannot_disapprove_and_conditions_must_be_stated()
    {
        var submission = NewSubmission();
        submission.ChooseReviewPath(ReviewPaths.Expedited, 12);

        Assert.Contains(submission.RecordDecision(Decisions.Disapproved, null, 3, Now).Errors, e => e.Code == "expedited-disapproval");
        Assert.Contains(submission.RecordDecision(Decisions.ApprovedWithConditions, " ", 3, Now).Errors, e => e.Field == "Conditions");
        Assert.True(submission.RecordDecision(Decisions.Deferred, null, 3, Now).IsSuccess);
    }

    [Fact]
    public void A_signed_decision_is_frozen_and_a_signature_over_other_content_is_refused()
    {
        var submission = NewSubmission();
        submission.ChooseReviewPath(ReviewPaths.Expedited, 12);
        submission.RecordDecision(Decisions.Approved, null, 3, Now);
        var stale = Manifestation("something else");

        Assert.Contains(submission.Sign(stale, new DateOnly(2026, 11, 28), new DateOnly(2027, 11, 27)).Errors, e => e.Code == "content-changed");
        Assert.True(submission.Sign(Manifestation(submission.DecisionContent()), new DateOnly(2026, 11, 28), new DateOnly(2027, 11, 27)).IsSuccess);
        Assert.Contains(submission.RecordDecision(Decisions.Deferred, null, 3, Now).Errors, e => e.Code == "decision-signed");
        Assert.Contains(submission.AssignReviewer("u9", "Late reviewer").Errors, e => e.Code == "decision-signed");
        Assert.StartsWith("Signed by Iris IRB Chair on 2026-11-28 09:00 UTC", submission.ManifestationText, StringComparison.Ordinal);
    }

    private static SignatureManifestation Manifestation(string content) =>
        new(Guid.NewGuid(), "chair", "Iris IRB Chair", Now, SignatureMeaning.Approval, SignatureHash.Of(content));
}
