using Ctms.Irb.Domain;
using Ctms.Irb.Features.Access;
using Ctms.Irb.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Irb.Features.Review;

/// <summary>The steps of a review before the decision is signed; each checks that the user sits on the submission's IRB.</summary>
internal sealed class ReviewHandlers(IrbDbContext db, ICurrentUser user, ITrialsQueries trials, TimeProvider clock) :
    ICommandHandler<CreateSubmissionCommand, Guid>,
    ICommandHandler<AssignReviewerCommand, bool>,
    ICommandHandler<AddCommentCommand, bool>,
    ICommandHandler<ChooseReviewPathCommand, bool>,
    ICommandHandler<RecordVoteCommand, bool>,
    ICommandHandler<RecordDecisionCommand, bool>
{
    public async Task<Result<Guid>> HandleAsync(CreateSubmissionCommand c, CancellationToken cancellationToken = default)
    {
        if (IrbAccess.Member(user, c.IrbId) is { } denied)
        {
            return denied;
        }

        // The consent forms of the protocol version are reviewed with it, so its approval covers them (subjects consent on them).
        var consents = c.Type is SubmissionTypes.Initial or SubmissionTypes.Amendment
            ? await trials.ListConsentVersionsAsync(c.ProtocolVersionId, cancellationToken)
            : [];
        var submission = new Submission(c.IrbId, c.TrialId, c.ProtocolNumber.Trim(), c.ProtocolVersionId, c.ProtocolVersion.Trim(), c.Type,
            c.RiskLevel, clock.GetUtcNow(),
            [
                new SubmissionDocument("protocol", c.ProtocolVersionId, $"Protocol {c.ProtocolNumber}", c.ProtocolVersion, null),
                .. consents.Select(v => new SubmissionDocument("consent", v.Id, v.DocumentName, v.Version, v.Language)),
            ]);
        db.Submissions.Add(submission);
        await db.SaveChangesAsync(cancellationToken);
        return submission.Id;
    }

    public Task<Result<bool>> HandleAsync(AssignReviewerCommand c, CancellationToken cancellationToken = default) =>
        ChangeAsync(c.SubmissionId, s => s.AssignReviewer(c.UserId, c.Name), cancellationToken);

    public Task<Result<bool>> HandleAsync(AddCommentCommand c, CancellationToken cancellationToken = default) =>
        ChangeAsync(c.SubmissionId, s => s.AddComment(user.DisplayName, c.Text, clock.GetUtcNow()), cancellationToken);

    public Task<Result<bool>> HandleAsync(ChooseReviewPathCommand c, CancellationToken cancellationToken = default) =>
        ChangeAsync(c.SubmissionId, s => s.ChooseReviewPath(c.ReviewPath, c.ContinuingReviewMonths), cancellationToken);

    public async Task<Result<bool>> HandleAsync(RecordVoteCommand c, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == c.SubmissionId, cancellationToken);
        if (submission is not null &&
            !await db.Members.AnyAsync(m => m.IrbId == submission.IrbId && m.UserId == c.MemberUserId && m.Role != MemberRoles.Alternate, cancellationToken))
        {
            return Error.Validation(nameof(c.MemberUserId), "Only voting members of this IRB vote.");
        }

        return await ChangeAsync(c.SubmissionId, s => s.RecordVote(c.MemberUserId, c.Vote), cancellationToken);
    }

    public async Task<Result<bool>> HandleAsync(RecordDecisionCommand c, CancellationToken cancellationToken = default)
    {
        var submission = await db.Submissions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == c.SubmissionId, cancellationToken);
        var voting = submission is null ? 0 : await db.Members.CountAsync(m => m.IrbId == submission.IrbId && m.Role != MemberRoles.Alternate, cancellationToken);
        return await ChangeAsync(c.SubmissionId, s => s.RecordDecision(c.Decision, c.Conditions, voting, clock.GetUtcNow()), cancellationToken);
    }

    private async Task<Result<bool>> ChangeAsync(Guid submissionId, Func<Submission, Result> change, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.SingleOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return Error.NotFound("The submission");
        }

        if (IrbAccess.Member(user, submission.IrbId) is { } denied)
        {
            return denied;
        }

        var outcome = change(submission);
        if (outcome.IsFailure)
        {
            return Result<bool>.FromErrors(outcome.Errors);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("Someone else changed this submission; reload it and try again.");
        }

        return true;
    }
}
