using Ctms.Shared.Handlers;
using FluentValidation;

namespace Ctms.Subjects.Features.EnrollSubject;

internal sealed record EnrollSubjectCommand(Guid SiteId) : ICommand<EnrolledSubject>;

internal sealed record EnrolledSubject(Guid SubjectId, string SubjectNumber);

internal sealed class EnrollSubjectValidator : AbstractValidator<EnrollSubjectCommand>
{
    public EnrollSubjectValidator() =>
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site to enroll at.");
}
