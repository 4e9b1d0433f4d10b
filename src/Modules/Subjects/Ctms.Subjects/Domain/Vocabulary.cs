namespace Ctms.Subjects.Domain;

/// <summary>The coded values the Subjects commands accept (the event contracts document the same lists).</summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyList<string> Severities = ["mild", "moderate", "severe", "grade-1", "grade-2", "grade-3", "grade-4", "grade-5"];
    public static readonly IReadOnlyList<string> Causalities = ["not-related", "unlikely", "possible", "probable", "related"];

    public static readonly IReadOnlyList<string> SeriousnessCriteria =
        ["death", "life-threatening", "hospitalisation", "disability", "congenital-anomaly", "important-medical-event"];

    public static readonly IReadOnlyList<string> DeviationCategories =
        ["visit-window", "consent", "eligibility", "investigational-product", "procedure", "other"];

    public static readonly IReadOnlyList<string> DeviationSeverities = ["minor", "major"];
}
