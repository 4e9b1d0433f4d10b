using Ctms.Shared.Handlers;
using FluentValidation;

namespace Ctms.Irb.Features.SignDecision;

/// <summary>The chair signs the recorded decision (re-entering credentials); only then does it take effect.</summary>
internal sealed record SignDecisionCommand(Guid SubmissionId, string? UserName, string Password) : ICommand<SignedDecision>;

internal sealed record SignedDecision(string Manifestation, Guid? ApprovalId, DateOnly? ApprovedOn, DateOnly? ExpiresOn);

internal sealed class SignDecisionValidator : AbstractValidator<SignDecisionCommand>
{
    public SignDecisionValidator()
    {
        RuleFor(c => c.SubmissionId).NotEmpty();
        RuleFor(c => c.Password).NotEmpty().WithMessage("Re-enter your password to sign.");
    }
}
