using Ctms.Shared.Results;
using Ctms.Shared.Audit;

namespace Ctms.Sites.Domain;

internal sealed class Site : IAuditable
{
    private Site() { }

    public Site(Guid id, Guid trialId, Guid institutionId, string code, string principalInvestigator, int targetEnrollment)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 10)
        {
            throw new ArgumentException("A site code is 1 to 10 characters; it prefixes subject numbers.", nameof(code));
        }

        Id = id;
        TrialId = trialId;
        InstitutionId = institutionId;
        Code = code;
        PrincipalInvestigator = principalInvestigator;
        TargetEnrollment = targetEnrollment;
        Status = SiteStatus.Pending;
        var order = 0;
        foreach (var kind in MilestoneKind.All)
        {
            Milestones.Add(new SiteMilestone(Guid.NewGuid(), id, ++order, kind));
        }
    }

    public Guid Id { get; private set; }

    /// <summary>An id in the Trials module; no foreign key crosses modules.</summary>
    public Guid TrialId { get; private set; }

    public Guid InstitutionId { get; private set; }
    public string Code { get; private set; } = "";
    public string PrincipalInvestigator { get; private set; } = "";
    public string Status { get; private set; } = SiteStatus.Pending;
    public int TargetEnrollment { get; private set; }
    public DateTimeOffset? ActivatedAt { get; private set; }
    public List<SiteMilestone> Milestones { get; private set; } = [];
    public int Version { get; private set; }

    /// <summary>The milestone of that kind (added when missing, e.g. for sites created before milestones existed).</summary>
    public SiteMilestone Milestone(string kind)
    {
        var milestone = Milestones.SingleOrDefault(m => m.Kind == kind);
        if (milestone is null)
        {
            milestone = new SiteMilestone(Guid.NewGuid(), Id, MilestoneKind.All.ToList().IndexOf(kind) + 1, kind);
            Milestones.Add(milestone);
        }

        return milestone;
    }

    /// <summary>
    /// Activates the site once the checks passed (the caller gathers them: IRB approval in force, signed delegation log).
    /// Demo seeding activates directly.
    /// </summary>
    public void Activate(DateTimeOffset at)
    {
        Status = SiteStatus.Active;
        ActivatedAt ??= at;
        var activated = Milestones.SingleOrDefault(m => m.Kind == MilestoneKind.Activated);
        activated?.Record(activated.PlannedDate, activated.ActualDate ?? DateOnly.FromDateTime(at.UtcDateTime));
        Version++;
    }

    /// <summary>Moves between statuses other than to active (which is <see cref="Activate"/> after its checks).</summary>
    public Error? ChangeStatus(string newStatus)
    {
        if (!SiteStatus.CanMove(Status, newStatus))
        {
            var allowed = SiteStatus.AllowedFrom(Status);
            return Error.Rule("illegal-status-transition", allowed.Count == 0
                ? $"Site {Code} is '{Status}' and cannot change status any more."
                : $"Site {Code} is '{Status}' and cannot become '{newStatus}'; it can become {string.Join(", ", allowed.Select(a => $"'{a}'"))}.");
        }

        if (newStatus == SiteStatus.Active)
        {
            throw new InvalidOperationException("Activation goes through the activation checks.");
        }

        Status = newStatus;
        Version++;
        return null;
    }

    public void Touch() => Version++;
}

internal sealed class SiteMilestone : IAuditable
{
    private SiteMilestone() { }

    public SiteMilestone(Guid id, Guid siteId, int order, string kind)
    {
        Id = id;
        SiteId = siteId;
        Order = order;
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public Guid SiteId { get; private set; }
    public int Order { get; private set; }
    public string Kind { get; private set; } = "";
    public DateOnly? PlannedDate { get; private set; }
    public DateOnly? ActualDate { get; private set; }

    public void Record(DateOnly? planned, DateOnly? actual)
    {
        PlannedDate = planned;
        ActualDate = actual;
    }
}

/// <summary>One step between two milestones with actual dates, in days.</summary>
internal sealed record CycleTime(string From, string To, int Days);

/// <summary>Cycle times from the actual dates: each step (to the next milestone reached) and selection → activation.</summary>
internal static class CycleTimes
{
    public static IReadOnlyList<CycleTime> Steps(IEnumerable<SiteMilestone> milestones)
    {
        var reached = milestones.OrderBy(m => m.Order).Where(m => m.ActualDate is not null).ToList();
        return reached.Zip(reached.Skip(1), (a, b) => new CycleTime(a.Kind, b.Kind, b.ActualDate!.Value.DayNumber - a.ActualDate!.Value.DayNumber)).ToList();
    }

    /// <summary>Days from selection to activation, once both are reached.</summary>
    public static int? SelectionToActivation(IEnumerable<SiteMilestone> milestones)
    {
        var list = milestones.ToList();
        var selected = list.SingleOrDefault(m => m.Kind == MilestoneKind.Selected)?.ActualDate;
        var activated = list.SingleOrDefault(m => m.Kind == MilestoneKind.Activated)?.ActualDate;
        return selected is null || activated is null ? null : activated.Value.DayNumber - selected.Value.DayNumber;
    }
}
