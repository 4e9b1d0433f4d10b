namespace Ctms.Subjects.Contracts.IntegrationEvents;

/// <summary>One planned visit of a subject: target date and window (earliest … latest, inclusive).</summary>
public sealed record PlannedVisit(Guid VisitId, string VisitName, int Order, DateOnly Planned, DateOnly Earliest, DateOnly Latest);

/// <summary>
/// The subject's planned visits were generated (on enrollment) or recomputed (an anchor visit's actual date was recorded,
/// or a new protocol version took effect). Carries every visit still planned.
/// </summary>
public sealed record VisitScheduleUpdated(
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    Guid ProtocolVersionId,
    IReadOnlyList<PlannedVisit> Visits,
    DateTimeOffset OccurredAt);

/// <summary>A visit occurred. Out of window only with a reason, and then a deviation is recorded too.</summary>
public sealed record VisitOccurred(
    Guid VisitId,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string VisitName,
    DateOnly OccurredOn,
    DateOnly Planned,
    bool WithinWindow,
    string? OutOfWindowReason,
    DateTimeOffset OccurredAt);

/// <summary>A planned visit was confirmed missed.</summary>
public sealed record VisitMissed(
    Guid VisitId,
    Guid SubjectId,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string VisitName,
    DateOnly Planned,
    string Reason,
    DateTimeOffset OccurredAt);
