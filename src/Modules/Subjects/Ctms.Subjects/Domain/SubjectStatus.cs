namespace Ctms.Subjects.Domain;

/// <summary>FHIR R4 ResearchSubject.status codes, and which moves between them are legal.</summary>
internal static class SubjectStatus
{
    public const string Candidate = "candidate";
    public const string Screening = "screening";
    public const string Eligible = "eligible";
    public const string Ineligible = "ineligible";
    public const string OnStudy = "on-study";
    public const string FollowUp = "follow-up";
    public const string OffStudy = "off-study";
    public const string Withdrawn = "withdrawn";

    /// <summary>States a subject can be withdrawn from (and re-consent applies to): not yet ended, not a screen failure.</summary>
    public static readonly IReadOnlySet<string> Active = new HashSet<string> { Candidate, Screening, Eligible, OnStudy, FollowUp };

    private static readonly Dictionary<string, string[]> Moves = new()
    {
        [Candidate] = [Screening, Withdrawn],
        [Screening] = [Eligible, Ineligible, Withdrawn],
        [Eligible] = [OnStudy, Ineligible, Withdrawn],
        [OnStudy] = [FollowUp, OffStudy, Withdrawn],
        [FollowUp] = [OffStudy, Withdrawn],
        [Ineligible] = [],
        [OffStudy] = [],
        [Withdrawn] = [],
    };

    public static bool CanMove(string from, string to) => Moves.TryGetValue(from, out var next) && next.Contains(to);
}
