namespace Ctms.Reporting.Contracts;

/// <summary>Enrolled subjects at one site of a trial, derived from the subject rows the Subjects events project.</summary>
public sealed record SiteEnrollmentCount(Guid TrialId, Guid SiteId, int Enrolled, DateTimeOffset? LastEnrolledAt);
