using Ctms.Shared.Audit;

namespace Ctms.Subjects.Domain;

internal static class DeviationSource
{
    public const string Rule = "rule";
    public const string Manual = "manual";
}

/// <summary>A protocol deviation, raised by a rule (an out-of-window visit) or recorded by hand.</summary>
internal sealed class Deviation : IAuditable
{
    private Deviation() { }

    public Deviation(Guid? subjectId, Guid trialId, Guid siteId, string? subjectNumber, string category, string severity, string description,
        DateOnly occurredOn, DateOnly identifiedOn, string source, Guid? visitId, DateTimeOffset recordedAt, string recordedBy)
    {
        Id = Guid.NewGuid();
        SubjectId = subjectId;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
        Category = category;
        Severity = severity;
        Description = description;
        OccurredOn = occurredOn;
        IdentifiedOn = identifiedOn;
        Source = source;
        VisitId = visitId;
        RecordedAt = recordedAt;
        RecordedBy = recordedBy;
    }

    public Guid Id { get; private set; }
    public Guid? SubjectId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public string? SubjectNumber { get; private set; }
    public string Category { get; private set; } = "";
    public string Severity { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateOnly OccurredOn { get; private set; }
    public DateOnly IdentifiedOn { get; private set; }
    public string Source { get; private set; } = DeviationSource.Manual;
    public Guid? VisitId { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";
}
