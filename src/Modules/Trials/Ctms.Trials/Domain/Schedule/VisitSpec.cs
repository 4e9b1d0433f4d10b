namespace Ctms.Trials.Domain.Schedule;

internal static class VisitType
{
    public const string Scheduled = "scheduled";
    public const string Unscheduled = "unscheduled";

    /// <summary>Forms used at any visit (e.g. AE log, concomitant medication); never planned on a date.</summary>
    public const string Common = "common";

    public static readonly IReadOnlyList<string> All = [Scheduled, Unscheduled, Common];
}

internal static class VisitAnchor
{
    /// <summary>The subject's anchor date (enrollment or randomisation): Day 1, or Day 0 when the trial counts from 0.</summary>
    public const string Baseline = "baseline";

    /// <summary>The scheduled visit before this one in the schedule.</summary>
    public const string Previous = "previous";

    /// <summary>A visit named in <see cref="VisitSpec.AnchorVisit"/>.</summary>
    public const string Visit = "visit";

    public static readonly IReadOnlyList<string> All = [Baseline, Previous, Visit];
}

/// <summary>
/// A visit definition as the schedule editor and the window calculator see it. <see cref="TargetDay"/> is a study
/// day counted from the anchor (the anchor date is Day 1, or Day 0 when the trial says so); the window is
/// planned − <see cref="WindowBefore"/> … planned + <see cref="WindowAfter"/> (CDISC ODM RelativeTimingConstraint).
/// </summary>
internal sealed record VisitSpec(
    string Name,
    string Type,
    string Anchor,
    string? AnchorVisit,
    int TargetDay,
    int WindowBefore,
    int WindowAfter,
    IReadOnlyList<string> Procedures)
{
    public bool IsPlanned => Type == VisitType.Scheduled;
}
