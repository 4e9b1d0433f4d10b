namespace Ctms.Reporting.Domain;

/// <summary>
/// One visit of a subject. Occurred and missed are final facts: a schedule recomputation that arrives after them
/// (or is redelivered) only moves dates of visits still planned. Overdue is not stored: it depends on the day asked.
/// </summary>
internal sealed class VisitFact
{
    public const string Planned = "planned";
    public const string Occurred = "occurred";
    public const string Missed = "missed";
    public const string NotApplicable = "not-applicable";

    private VisitFact() { }

    public VisitFact(Guid visitId, Guid subjectId, Guid trialId, Guid siteId, string visitName)
    {
        VisitId = visitId;
        SubjectId = subjectId;
        TrialId = trialId;
        SiteId = siteId;
        VisitName = visitName;
        Status = Planned;
    }

    public Guid VisitId { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public string VisitName { get; private set; } = "";
    public int Order { get; private set; }
    public string Status { get; private set; } = Planned;
    public DateOnly PlannedOn { get; private set; }
    public DateOnly Earliest { get; private set; }
    public DateOnly Latest { get; private set; }
    public DateOnly? ActualDate { get; private set; }
    public bool OutOfWindow { get; private set; }

    public bool IsFinal => Status is Occurred or Missed;

    public void Plan(int order, DateOnly planned, DateOnly earliest, DateOnly latest)
    {
        Order = order;
        if (IsFinal && ActualDate is not null)
        {
            // The occurrence event came first and could only note its planned date: the schedule that planned that same
            // date completes the window. Any other schedule is older or newer than the occurrence and moves nothing.
            if (planned == PlannedOn && Earliest == PlannedOn && Latest == PlannedOn)
            {
                Earliest = earliest;
                Latest = latest;
            }

            return;
        }

        PlannedOn = planned;
        Earliest = earliest;
        Latest = latest;
    }

    public void MarkOccurred(DateOnly on, DateOnly planned, bool withinWindow)
    {
        Status = Occurred;
        ActualDate = on;
        if (PlannedOn == default)
        {
            PlannedOn = planned;
            Earliest = planned;
            Latest = planned;
        }

        OutOfWindow = !withinWindow;
    }

    public void MarkMissed(DateOnly planned)
    {
        if (Status == Occurred)
        {
            return;
        }

        Status = Missed;
        if (PlannedOn == default)
        {
            PlannedOn = planned;
            Earliest = planned;
            Latest = planned;
        }
    }

    /// <summary>The subject left the study (the owner's rule on withdrawal): a visit still planned will not happen and is never overdue.</summary>
    public void MarkNotApplicable()
    {
        if (Status == Planned)
        {
            Status = NotApplicable;
        }
    }

    /// <summary>Rebuild: the owning module's current state replaces whatever the events left.</summary>
    public void Reset(int order, string status, DateOnly planned, DateOnly earliest, DateOnly latest, DateOnly? actual, bool outOfWindow)
    {
        Order = order;
        Status = status;
        PlannedOn = planned;
        Earliest = earliest;
        Latest = latest;
        ActualDate = actual;
        OutOfWindow = outOfWindow;
    }
}
