namespace Ctms.Subjects.Contracts;

/// <summary>A subject as other modules see it: pseudonymous, never a direct identifier. Status is the FHIR R4 ResearchSubject code.</summary>
public sealed record SubjectSummary(Guid Id, Guid TrialId, Guid SiteId, string SubjectNumber, string Status, DateTimeOffset? EnrolledAt);
