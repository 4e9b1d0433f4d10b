using Ctms.Shared.Audit;

namespace Ctms.Subjects.Domain;

/// <summary>
/// An adverse event as the site recorded it. Recording a serious one in the CTMS is its report to the sponsor, so
/// <see cref="ReportedAt"/> is the recording time and <see cref="Late"/> says whether it missed the trial's deadline.
/// </summary>
internal sealed class AdverseEvent : IAuditable
{
    private AdverseEvent() { }

    public AdverseEvent(Guid subjectId, Guid trialId, Guid siteId, string subjectNumber, string term, DateOnly onsetOn, string severity, string causality,
        IReadOnlyList<string> seriousnessCriteria, DateTimeOffset awareAt, DateTimeOffset reportedAt, int reportingHours, string recordedBy)
    {
        Id = Guid.NewGuid();
        SubjectId = subjectId;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
        Term = term;
        OnsetOn = onsetOn;
        Severity = severity;
        Causality = causality;
        SeriousnessCriteria = [.. seriousnessCriteria];
        AwareAt = awareAt;
        ReportedAt = reportedAt;
        RecordedBy = recordedBy;
        DueAt = Serious ? awareAt.AddHours(reportingHours) : null;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public string SubjectNumber { get; private set; } = "";
    public string Term { get; private set; } = "";
    public DateOnly OnsetOn { get; private set; }
    public string Severity { get; private set; } = "";
    public string Causality { get; private set; } = "";
    public List<string> SeriousnessCriteria { get; private set; } = [];
    public DateTimeOffset AwareAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset ReportedAt { get; private set; }
    public string RecordedBy { get; private set; } = "";

    public bool Serious => SeriousnessCriteria.Count > 0;
    public bool Late => DueAt is { } due && ReportedAt > due;
}
