namespace Ctms.Subjects.Contracts;

/// <summary>A protocol deviation of a subject, as <c>DeviationRecorded</c> announced it.</summary>
/// <param name="Severity">minor or major.</param>
/// <param name="Source">rule or manual.</param>
public sealed record DeviationSummary(
    Guid Id,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Category,
    string Severity,
    string Source,
    DateOnly OccurredOn,
    DateOnly IdentifiedOn);

/// <summary>
/// An adverse event. <see cref="Serious"/> when any seriousness criterion applies; only then <see cref="DueAt"/> is set
/// (awareness + the trial's reporting hours) and <see cref="Late"/> says whether the report missed it.
/// </summary>
public sealed record AdverseEventSummary(
    Guid Id,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Term,
    IReadOnlyList<string> SeriousnessCriteria,
    DateTimeOffset AwareAt,
    DateTimeOffset? DueAt,
    DateTimeOffset ReportedAt)
{
    public bool Serious => SeriousnessCriteria.Count > 0;
    public bool Late => DueAt is { } due && ReportedAt > due;
}
