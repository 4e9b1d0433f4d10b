namespace Ctms.Subjects.Contracts.IntegrationEvents;

/// <summary>A subject was enrolled at a site. Carries the pseudonymous subject number only.</summary>
public sealed record SubjectEnrolled(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    DateTimeOffset EnrolledAt);
