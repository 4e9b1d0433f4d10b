using Ctms.Shared.Audit;
using Ctms.Shared.Results;

namespace Ctms.Subjects.Domain;

internal static class VisitStatus
{
    public const string Planned = "planned";
    public const string Occurred = "occurred";
    public const string Missed = "missed";
    public const string NotApplicable = "not-applicable";
}

/// <summary>A subject's scheduled visit: planned from the protocol version's schedule, then occurred or missed.</summary>
internal sealed class Visit : IAuditable
{
    private Visit() { }

    public Visit(Guid subjectId, Guid trialId, Guid siteId, string subjectNumber, string name, int order, DateOnly planned, DateOnly earliest, DateOnly latest)
    {
        Id = Guid.NewGuid();
        SubjectId = subjectId;
        TrialId = trialId;
        SiteId = siteId;
        SubjectNumber = subjectNumber;
        Name = name;
        Order = order;
        Planned = planned;
        Earliest = earliest;
        Latest = latest;
    }

    public Guid Id { get; private set; }
    public Guid SubjectId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public string SubjectNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Order { get; private set; }
    public string Status { get; private set; } = VisitStatus.Planned;
    public DateOnly Planned { get; private set; }
    public DateOnly Earliest { get; private set; }
    public DateOnly Latest { get; private set; }
    public DateOnly? ActualDate { get; private set; }
    public bool OutOfWindow { get; private set; }
    public string? Reason { get; private set; }
    public int Version { get; private set; }

    public bool IsPlanned => Status == VisitStatus.Planned;

    public bool Within(DateOnly date) => Earliest <= date && date <= Latest;

    public Error? Record(DateOnly on, string? outOfWindowReason)
    {
        if (!IsPlanned)
        {
            return Error.Rule("visit-not-planned", $"Visit {Name} of {SubjectNumber} is already '{Status}'.");
        }

        var within = Within(on);
        if (!within && string.IsNullOrWhiteSpace(outOfWindowReason))
        {
            return Error.Validation("outOfWindowReason",
                $"{on:yyyy-MM-dd} is outside the window of {Name} ({Earliest:yyyy-MM-dd} to {Latest:yyyy-MM-dd}): give the reason.");
        }

        Status = VisitStatus.Occurred;
        ActualDate = on;
        OutOfWindow = !within;
        Reason = within ? null : outOfWindowReason!.Trim();
        Version++;
        return null;
    }

    public Error? MarkMissed(string reason)
    {
        if (!IsPlanned)
        {
            return Error.Rule("visit-not-planned", $"Visit {Name} of {SubjectNumber} is already '{Status}'.");
        }

        Status = VisitStatus.Missed;
        Reason = reason.Trim();
        Version++;
        return null;
    }

    /// <summary>Moves a still-planned visit to a recomputed target and window.</summary>
    public bool Replan(DateOnly planned, DateOnly earliest, DateOnly latest)
    {
        if (!IsPlanned || (Planned == planned && Earliest == earliest && Latest == latest))
        {
            return false;
        }

        Planned = planned;
        Earliest = earliest;
        Latest = latest;
        Version++;
        return true;
    }

    /// <summary>After withdrawal the remaining planned visits will not happen.</summary>
    public void Cancel()
    {
        if (IsPlanned)
        {
            Status = VisitStatus.NotApplicable;
            Version++;
        }
    }
}
