namespace Ctms.Irb.Domain;

internal static class SubmissionTypes
{
    public const string Initial = "initial-review";
    public const string Amendment = "amendment";
    public const string ContinuingReview = "continuing-review";
    public const string SafetyReport = "safety-report";
    public const string Closure = "closure";

    public static readonly IReadOnlyList<string> All = [Initial, Amendment, ContinuingReview, SafetyReport, Closure];
}

internal static class Decisions
{
    public const string Approved = "approved";
    public const string ApprovedWithConditions = "approved-with-conditions";
    public const string Deferred = "deferred";
    public const string Disapproved = "disapproved";

    public static readonly IReadOnlyList<string> All = [Approved, ApprovedWithConditions, Deferred, Disapproved];
}

internal static class ReviewPaths
{
    public const string Convened = "convened";
    public const string Expedited = "expedited";
}

internal static class Votes
{
    public const string For = "for";
    public const string Against = "against";
    public const string Abstain = "abstain";
}

internal static class MemberRoles
{
    public const string Member = "member";
    public const string Chair = "chair";
    public const string Alternate = "alternate";
}

internal static class RiskLevels
{
    public const string Minimal = "minimal";
    public const string GreaterThanMinimal = "greater-than-minimal";
}
