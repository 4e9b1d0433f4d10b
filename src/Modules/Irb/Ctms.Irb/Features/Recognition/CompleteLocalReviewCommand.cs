using Ctms.Shared.Handlers;
using FluentValidation;

namespace Ctms.Irb.Features.Recognition;

/// <summary>The relying IRB chair's local-context checklist, signed: the recognition then takes effect.</summary>
internal sealed record CompleteLocalReviewCommand(
    Guid RecognitionId,
    bool LocalLawAndPolicy,
    bool ConflictsOfInterest,
    bool StaffQualifications,
    bool ConsentLanguage,
    bool Privacy,
    string? Notes,
    string? UserName,
    string Password) : ICommand<string>;

internal sealed class CompleteLocalReviewValidator : AbstractValidator<CompleteLocalReviewCommand>
{
    public CompleteLocalReviewValidator()
    {
        RuleFor(c => c.RecognitionId).NotEmpty();
        RuleFor(c => c.Password).NotEmpty().WithMessage("Re-enter your password to sign.");
        RuleFor(c => c.Notes).MaximumLength(2000);
    }
}
