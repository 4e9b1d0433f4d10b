namespace Ctms.Sites.Domain;

internal static class SiteStatus
{
    public const string Pending = "pending";
    public const string Active = "active";
    public const string OnHold = "on-hold";
    public const string ClosedToAccrual = "closed-to-accrual";
    public const string Closed = "closed";

    public static readonly IReadOnlyList<string> All = [Pending, Active, OnHold, ClosedToAccrual, Closed];

    /// <summary>Allowed moves. Any move to active goes through the activation checks (IRB approval, signed delegation log).</summary>
    private static readonly Dictionary<string, string[]> Transitions = new(StringComparer.Ordinal)
    {
        [Pending] = [Active, Closed],
        [Active] = [OnHold, ClosedToAccrual, Closed],
        [OnHold] = [Active, ClosedToAccrual, Closed],
        [ClosedToAccrual] = [Closed],
    };

    public static IReadOnlyList<string> AllowedFrom(string status) => Transitions.TryGetValue(status, out var next) ? next : [];

    public static bool CanMove(string from, string to) => AllowedFrom(from).Contains(to, StringComparer.Ordinal);
}

/// <summary>The activation milestones of a site, in order.</summary>
internal static class MilestoneKind
{
    public const string Selected = "selected";
    public const string FeasibilityDone = "feasibility-done";
    public const string ContractSigned = "contract-signed";
    public const string IrbApproval = "irb-approval";
    public const string SiteInitiationVisit = "site-initiation-visit";
    public const string Activated = "activated";

    public static readonly IReadOnlyList<string> All = [Selected, FeasibilityDone, ContractSigned, IrbApproval, SiteInitiationVisit, Activated];

    public static string Label(string kind) => kind switch
    {
        Selected => "Site selected",
        FeasibilityDone => "Feasibility done",
        ContractSigned => "Contract signed",
        IrbApproval => "IRB approval (own or recognised)",
        SiteInitiationVisit => "Site initiation visit",
        Activated => "Activated",
        _ => kind,
    };
}

/// <summary>The fixed list of responsibilities a PI delegates (ICH E6(R3) 2.3).</summary>
internal static class Responsibility
{
    public const string InformedConsent = "informed-consent";
    public const string EligibilityAssessment = "eligibility-assessment";
    public const string StudyVisits = "study-visits";
    public const string AdverseEvents = "ae-assessment-reporting";
    public const string InvestigationalProduct = "investigational-product";
    public const string DataEntry = "data-entry";

    public static readonly IReadOnlyList<string> All = [InformedConsent, EligibilityAssessment, StudyVisits, AdverseEvents, InvestigationalProduct, DataEntry];

    public static string Label(string code) => code switch
    {
        InformedConsent => "Informed consent",
        EligibilityAssessment => "Eligibility assessment",
        StudyVisits => "Study visits",
        AdverseEvents => "AE assessment and reporting",
        InvestigationalProduct => "Investigational product",
        DataEntry => "Data entry",
        _ => code,
    };
}
