namespace Ctms.Reporting.Domain;

/// <summary>One protocol deviation (keyed by its id, so redelivery is harmless).</summary>
internal sealed class DeviationFact
{
    private DeviationFact() { }

    public DeviationFact(Guid deviationId, Guid trialId, Guid siteId, Guid subjectId, string subjectNumber, string category, string severity,
        string source, DateOnly occurredOn, DateOnly identifiedOn)
    {
        DeviationId = deviationId;
        TrialId = trialId;
        SiteId = siteId;
        SubjectId = subjectId;
        SubjectNumber = subjectNumber;
        Category = category;
        Severity = severity;
        Source = source;
        OccurredOn = occurredOn;
        IdentifiedOn = identifiedOn;
    }

    public Guid DeviationId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public Guid SubjectId { get; private set; }
    public string SubjectNumber { get; private set; } = "";
    public string Category { get; private set; } = "";
    public string Severity { get; private set; } = "";
    public string Source { get; private set; } = "";
    public DateOnly OccurredOn { get; private set; }
    public DateOnly IdentifiedOn { get; private set; }
}

/// <summary>One serious adverse event as reported to the sponsor, with its deadline and whether it was late.</summary>
internal sealed class SaeFact
{
    private SaeFact() { }

    public SaeFact(Guid adverseEventId, Guid trialId, Guid siteId, string subjectNumber, string term, DateTimeOffset awareAt, DateTimeOffset dueAt,
        DateTimeOffset reportedAt, bool late)
    {
        AdverseEventId = adverseEventId;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
        Term = term;
        AwareAt = awareAt;
        DueAt = dueAt;
        ReportedAt = reportedAt;
        Late = late;
        ReportedOn = DateOnly.FromDateTime(reportedAt.UtcDateTime);
    }

    public Guid AdverseEventId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public string SubjectNumber { get; private set; } = "";
    public string Term { get; private set; } = "";
    public DateTimeOffset AwareAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public DateOnly ReportedOn { get; private set; }
    public bool Late { get; private set; }
}
