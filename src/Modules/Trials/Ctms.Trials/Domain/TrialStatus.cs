namespace Ctms.Trials.Domain;

/// <summary>FHIR R4 ResearchStudy.status codes (the intervention variants come with the trials issue).</summary>
internal static class TrialStatus
{
    public const string InReview = "in-review";
    public const string Approved = "approved";
    public const string Active = "active";
    public const string TemporarilyClosedToAccrual = "temporarily-closed-to-accrual";
    public const string ClosedToAccrual = "closed-to-accrual";
    public const string Completed = "completed";
    public const string AdministrativelyCompleted = "administratively-completed";
    public const string Withdrawn = "withdrawn";
    public const string Disapproved = "disapproved";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        InReview, Approved, Active, TemporarilyClosedToAccrual, ClosedToAccrual, Completed,
        AdministrativelyCompleted, Withdrawn, Disapproved,
    };
}
