namespace Ctms.Trials.Domain;

/// <summary>FHIR R4 ResearchStudy.status codes and the transitions a trial may make between them.</summary>
internal static class TrialStatus
{
    public const string InReview = "in-review";
    public const string Approved = "approved";
    public const string Active = "active";
    public const string TemporarilyClosedToAccrual = "temporarily-closed-to-accrual";
    public const string TemporarilyClosedToAccrualAndIntervention = "temporarily-closed-to-accrual-and-intervention";
    public const string ClosedToAccrual = "closed-to-accrual";
    public const string ClosedToAccrualAndIntervention = "closed-to-accrual-and-intervention";
    public const string Completed = "completed";
    public const string AdministrativelyCompleted = "administratively-completed";
    public const string Withdrawn = "withdrawn";
    public const string Disapproved = "disapproved";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        InReview, Approved, Active, TemporarilyClosedToAccrual, TemporarilyClosedToAccrualAndIntervention, ClosedToAccrual,
        ClosedToAccrualAndIntervention, Completed, AdministrativelyCompleted, Withdrawn, Disapproved,
    };

    /// <summary>The allowed transitions; a status not listed as a key is final.</summary>
    private static readonly Dictionary<string, string[]> Transitions = new(StringComparer.Ordinal)
    {
        [InReview] = [Approved, Withdrawn, Disapproved],
        [Approved] = [Active, Withdrawn],
        [Active] = [TemporarilyClosedToAccrual, TemporarilyClosedToAccrualAndIntervention, ClosedToAccrual, ClosedToAccrualAndIntervention, AdministrativelyCompleted],
        [TemporarilyClosedToAccrual] = [Active, TemporarilyClosedToAccrualAndIntervention, ClosedToAccrual, ClosedToAccrualAndIntervention, AdministrativelyCompleted],
        [TemporarilyClosedToAccrualAndIntervention] = [Active, TemporarilyClosedToAccrual, ClosedToAccrualAndIntervention, AdministrativelyCompleted],
        [ClosedToAccrual] = [ClosedToAccrualAndIntervention, Completed, AdministrativelyCompleted],
        [ClosedToAccrualAndIntervention] = [Completed, AdministrativelyCompleted],
    };

    public static IReadOnlyList<string> AllowedFrom(string status) =>
        Transitions.TryGetValue(status, out var next) ? next : [];

    public static bool CanMove(string from, string to) => AllowedFrom(from).Contains(to, StringComparer.Ordinal);
}

/// <summary>FHIR R4 research-study-phase codes.</summary>
internal static class TrialPhase
{
    public static readonly IReadOnlyList<string> All =
        ["early-phase-1", "phase-1", "phase-1-phase-2", "phase-2", "phase-2-phase-3", "phase-3", "phase-4", "n-a"];
}

/// <summary>How study days are numbered from an anchor date.</summary>
internal static class DayCounting
{
    /// <summary>The anchor date is Day 1 and there is no Day 0 (the default; CDISC SDTM study day).</summary>
    public const string Day1 = "day-1";

    /// <summary>The anchor date is Day 0.</summary>
    public const string Day0 = "day-0";

    public static readonly IReadOnlyList<string> All = [Day1, Day0];
}

internal static class ArmTypes
{
    public static readonly IReadOnlyList<string> All =
        ["experimental", "active-comparator", "placebo-comparator", "sham-comparator", "no-intervention", "other"];
}
