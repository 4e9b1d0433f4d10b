namespace Ctms.Reporting.Contracts;

/// <summary>Enrolled subjects at one site of a trial, as projected from <c>SubjectEnrolled</c> events.</summary>
public sealed record SiteEnrollmentCount(Guid TrialId, Guid SiteId, int Enrolled, DateTimeOffset? LastEnrolledAt);
