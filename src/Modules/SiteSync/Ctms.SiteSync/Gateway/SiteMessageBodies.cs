namespace Ctms.SiteSync.Gateway;

// The bodies of schema version 1 (docs/schemas/<Type>.v1.json). Nullable so that a missing field is a validation
// reason naming it, not a deserialization failure.

internal sealed record IdentifiersBody(string? FullName, DateOnly? BirthDate, string? Contact);

internal sealed record SubjectScreenedBody(DateOnly? ScreenedOn, string? ScreeningRef, IdentifiersBody? Identifiers);

internal sealed record ConsentSignedBody(Guid? ConsentVersionId, DateOnly? SignedOn);

internal sealed record EligibilityAssessedBody(DateOnly? AssessedOn, Dictionary<string, bool>? Answers);

internal sealed record EnrollmentRequestedBody(Dictionary<string, string>? StratificationFactors);

internal sealed record VisitOccurredBody(string? VisitName, DateOnly? OccurredOn, string? OutOfWindowReason);

internal sealed record VisitMissedBody(string? VisitName, string? Reason);

internal sealed record AdverseEventReportedBody(
    string? Term, DateOnly? OnsetOn, string? Severity, string? Causality, List<string>? SeriousnessCriteria, DateTimeOffset? AwareAt);

internal sealed record DeviationReportedBody(string? Category, string? Severity, string? Description, DateOnly? OccurredOn, DateOnly? IdentifiedOn);

internal sealed record SubjectWithdrawnBody(string? Reason, DateOnly? WithdrawnOn);
