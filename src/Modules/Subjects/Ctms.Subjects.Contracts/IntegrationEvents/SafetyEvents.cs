namespace Ctms.Subjects.Contracts.IntegrationEvents;

/// <param name="Severity">mild, moderate or severe (or CTCAE grade-1 … grade-5).</param>
/// <param name="Causality">not-related, unlikely, possible, probable, related.</param>
public sealed record AdverseEventRecorded(
    Guid AdverseEventId,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Term,
    DateOnly OnsetOn,
    bool Serious,
    string Severity,
    string Causality,
    DateTimeOffset OccurredAt);

/// <summary>
/// A serious adverse event reached the sponsor. <paramref name="DueAt"/> = <paramref name="AwareAt"/> + the trial's
/// reporting hours; <paramref name="Late"/> when <paramref name="ReportedAt"/> is after it.
/// </summary>
/// <param name="SeriousnessCriteria">death, life-threatening, hospitalisation, disability, congenital-anomaly, important-medical-event.</param>
public sealed record SeriousAdverseEventReported(
    Guid AdverseEventId,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Term,
    IReadOnlyList<string> SeriousnessCriteria,
    DateTimeOffset AwareAt,
    DateTimeOffset DueAt,
    DateTimeOffset ReportedAt,
    bool Late,
    DateTimeOffset OccurredAt);

/// <param name="Category">e.g. visit-window, consent, eligibility, investigational-product, procedure, other.</param>
/// <param name="Severity">minor or major (important).</param>
/// <param name="Source">rule (raised automatically, e.g. an out-of-window visit) or manual.</param>
public sealed record DeviationRecorded(
    Guid DeviationId,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Category,
    string Severity,
    string Description,
    DateOnly OccurredOn,
    DateOnly IdentifiedOn,
    string Source,
    DateTimeOffset OccurredAt);
