using Ctms.Irb.Domain;
using Ctms.Shared.Handlers;
using FluentValidation;

namespace Ctms.Irb.Features.Review;

internal sealed record CreateSubmissionCommand(Guid IrbId, Guid TrialId, string ProtocolNumber, Guid ProtocolVersionId, string ProtocolVersion,
    string Type, string RiskLevel) : ICommand<Guid>;

internal sealed record AssignReviewerCommand(Guid SubmissionId, string UserId, string Name) : ICommand<bool>;

internal sealed record AddCommentCommand(Guid SubmissionId, string Text) : ICommand<bool>;

internal sealed record ChooseReviewPathCommand(Guid SubmissionId, string ReviewPath, int ContinuingReviewMonths) : ICommand<bool>;

internal sealed record RecordVoteCommand(Guid SubmissionId, string MemberUserId, string Vote) : ICommand<bool>;

internal sealed record RecordDecisionCommand(Guid SubmissionId, string Decision, string? Conditions) : ICommand<bool>;

internal sealed class CreateSubmissionValidator : AbstractValidator<CreateSubmissionCommand>
{
    public CreateSubmissionValidator()
    {
        RuleFor(c => c.IrbId).NotEmpty();
        RuleFor(c => c.TrialId).NotEmpty().WithMessage("Choose the trial.");
        RuleFor(c => c.ProtocolVersionId).NotEmpty().WithMessage("Choose the protocol version.");
        RuleFor(c => c.ProtocolNumber).NotEmpty().MaximumLength(60);
        RuleFor(c => c.ProtocolVersion).NotEmpty().MaximumLength(20);
        RuleFor(c => c.Type).Must(t => SubmissionTypes.All.Contains(t))
            .WithMessage($"The submission type is one of: {string.Join(", ", SubmissionTypes.All)}.");
        RuleFor(c => c.RiskLevel).Must(r => r is RiskLevels.Minimal or RiskLevels.GreaterThanMinimal)
            .WithMessage("The risk level is minimal or greater-than-minimal.");
    }
}

internal sealed class AssignReviewerValidator : AbstractValidator<AssignReviewerCommand>
{
    public AssignReviewerValidator()
    {
        RuleFor(c => c.SubmissionId).NotEmpty();
        RuleFor(c => c.UserId).NotEmpty().WithMessage("Choose the reviewer.");
    }
}

internal sealed class AddCommentValidator : AbstractValidator<AddCommentCommand>
{
    public AddCommentValidator() => RuleFor(c => c.Text).NotEmpty().WithMessage("Write the comment.").MaximumLength(4000);
}

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecisionCommand>
{
    public RecordDecisionValidator() =>
        RuleFor(c => c.Decision).Must(d => Decisions.All.Contains(d))
            .WithMessage($"The decision is one of: {string.Join(", ", Decisions.All)}.");
}
