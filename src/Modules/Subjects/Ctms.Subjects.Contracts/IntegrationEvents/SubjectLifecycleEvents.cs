namespace Ctms.Subjects.Contracts.IntegrationEvents;

// Every Subjects event carries the pseudonymous subject number only: never a name, birth date or contact.

/// <summary>A candidate was screened at a site and received a subject number (site code + sequence, never reused).</summary>
public sealed record SubjectScreened(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    DateOnly ScreenedOn,
    DateTimeOffset OccurredAt);

/// <summary>The subject signed a consent version on a date (the version was approved for the site on that date).</summary>
public sealed record ConsentSigned(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    Guid ConsentVersionId,
    string ConsentVersion,
    DateOnly SignedOn,
    bool Reconsent,
    DateTimeOffset OccurredAt);

/// <summary>A newer consent version became approved for the site: the subject must sign it before further procedures.</summary>
public sealed record ReconsentRequired(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    Guid ConsentVersionId,
    string ConsentVersion,
    DateTimeOffset OccurredAt);

/// <summary>Eligibility was assessed against the protocol version's checklist. Ineligible = screen failure, with reasons.</summary>
public sealed record EligibilityAssessed(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    Guid ProtocolVersionId,
    bool Eligible,
    IReadOnlyList<string> Reasons,
    DateOnly AssessedOn,
    DateTimeOffset OccurredAt);

/// <summary>The subject was allocated to an arm (stratified permuted blocks). The allocation list itself never leaves the module.</summary>
public sealed record SubjectRandomized(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    Guid ArmId,
    string ArmName,
    string Stratum,
    DateTimeOffset RandomizedAt);

/// <summary>Any move of the subject's FHIR ResearchSubject status (candidate, screening, eligible, ineligible, on-study, follow-up, off-study, withdrawn).</summary>
public sealed record SubjectStatusChanged(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string OldStatus,
    string NewStatus,
    DateTimeOffset OccurredAt);

/// <summary>The subject was withdrawn from an active state, with a reason.</summary>
public sealed record SubjectWithdrawn(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Reason,
    DateOnly WithdrawnOn,
    DateTimeOffset OccurredAt);

/// <summary>The subject's last scheduled visit occurred: off-study, completed.</summary>
public sealed record SubjectCompleted(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    DateOnly CompletedOn,
    DateTimeOffset OccurredAt);
