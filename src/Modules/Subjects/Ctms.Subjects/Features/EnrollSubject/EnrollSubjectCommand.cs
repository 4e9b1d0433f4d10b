using Ctms.Shared.Handlers;
using FluentValidation;

namespace Ctms.Subjects.Features.EnrollSubject;

/// <summary>Enrolls a screened, consented, eligible subject of the site.</summary>
internal sealed record EnrollSubjectCommand(Guid SiteId, string SubjectNumber) : ICommand<EnrolledSubject>;

internal sealed record EnrolledSubject(Guid SubjectId, string SubjectNumber);

internal sealed class EnrollSubjectValidator : AbstractValidator<EnrollSubjectCommand>
{
    public EnrollSubjectValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site to enroll at.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the number of the subject to enroll.");
    }
}
