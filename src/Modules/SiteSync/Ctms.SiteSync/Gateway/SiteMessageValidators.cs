using FluentValidation;

namespace Ctms.SiteSync.Gateway;

// Shape only; the Subjects module's domain rules decide the rest (an unapproved consent version, a visit out of window…).

internal sealed class SubjectScreenedValidator : AbstractValidator<SubjectScreenedBody>
{
    public SubjectScreenedValidator()
    {
        RuleFor(b => b.ScreenedOn).NotNull();
        RuleFor(b => b.ScreeningRef).NotEmpty().MaximumLength(64);
        RuleFor(b => b.Identifiers!.FullName).MaximumLength(200).When(b => b.Identifiers is not null);
        RuleFor(b => b.Identifiers!.Contact).MaximumLength(200).When(b => b.Identifiers is not null);
    }
}

internal sealed class ConsentSignedValidator : AbstractValidator<ConsentSignedBody>
{
    public ConsentSignedValidator()
    {
        RuleFor(b => b.ConsentVersionId).NotNull().NotEqual(Guid.Empty);
        RuleFor(b => b.SignedOn).NotNull();
    }
}

internal sealed class EligibilityAssessedValidator : AbstractValidator<EligibilityAssessedBody>
{
    public EligibilityAssessedValidator()
    {
        RuleFor(b => b.AssessedOn).NotNull();
        RuleFor(b => b.Answers).NotEmpty();
    }
}

internal sealed class EnrollmentRequestedValidator : AbstractValidator<EnrollmentRequestedBody>
{
    public EnrollmentRequestedValidator() => RuleFor(b => b.StratificationFactors).NotNull();
}

internal sealed class VisitOccurredValidator : AbstractValidator<VisitOccurredBody>
{
    public VisitOccurredValidator()
    {
        RuleFor(b => b.VisitName).NotEmpty().MaximumLength(100);
        RuleFor(b => b.OccurredOn).NotNull();
        RuleFor(b => b.OutOfWindowReason).MaximumLength(1000);
    }
}

internal sealed class VisitMissedValidator : AbstractValidator<VisitMissedBody>
{
    public VisitMissedValidator()
    {
        RuleFor(b => b.VisitName).NotEmpty().MaximumLength(100);
        RuleFor(b => b.Reason).NotEmpty().MaximumLength(1000);
    }
}

internal sealed class AdverseEventReportedValidator : AbstractValidator<AdverseEventReportedBody>
{
    private static readonly string[] Severities = ["mild", "moderate", "severe", "grade-1", "grade-2", "grade-3", "grade-4", "grade-5"];
    private static readonly string[] Causalities = ["not-related", "unlikely", "possible", "probable", "related"];
    private static readonly string[] Criteria =
        ["death", "life-threatening", "hospitalisation", "disability", "congenital-anomaly", "important-medical-event"];

    public AdverseEventReportedValidator()
    {
        RuleFor(b => b.Term).NotEmpty().MaximumLength(200);
        RuleFor(b => b.OnsetOn).NotNull();
        RuleFor(b => b.Severity).NotEmpty().Must(s => Severities.Contains(s)).WithMessage($"'Severity' must be one of {string.Join(", ", Severities)}.");
        RuleFor(b => b.Causality).NotEmpty().Must(c => Causalities.Contains(c)).WithMessage($"'Causality' must be one of {string.Join(", ", Causalities)}.");
        RuleFor(b => b.SeriousnessCriteria).NotNull();
        RuleForEach(b => b.SeriousnessCriteria).Must(c => Criteria.Contains(c)).WithMessage($"Each seriousness criterion must be one of {string.Join(", ", Criteria)}.");
        RuleFor(b => b.AwareAt).NotNull();
    }
}

internal sealed class DeviationReportedValidator : AbstractValidator<DeviationReportedBody>
{
    private static readonly string[] Categories = ["visit-window", "consent", "eligibility", "investigational-product", "procedure", "other"];

    public DeviationReportedValidator()
    {
        RuleFor(b => b.Category).NotEmpty().Must(c => Categories.Contains(c)).WithMessage($"'Category' must be one of {string.Join(", ", Categories)}.");
        RuleFor(b => b.Severity).NotEmpty().Must(s => s is "minor" or "major").WithMessage("'Severity' must be minor or major.");
        RuleFor(b => b.Description).NotEmpty().MaximumLength(2000);
        RuleFor(b => b.OccurredOn).NotNull();
        RuleFor(b => b.IdentifiedOn).NotNull();
        RuleFor(b => b.IdentifiedOn).GreaterThanOrEqualTo(b => b.OccurredOn).When(b => b.OccurredOn is not null && b.IdentifiedOn is not null)
            .WithMessage("'IdentifiedOn' cannot be before 'OccurredOn'.");
    }
}

internal sealed class SubjectWithdrawnValidator : AbstractValidator<SubjectWithdrawnBody>
{
    public SubjectWithdrawnValidator()
    {
        RuleFor(b => b.Reason).NotEmpty().MaximumLength(1000);
        RuleFor(b => b.WithdrawnOn).NotNull();
    }
}
