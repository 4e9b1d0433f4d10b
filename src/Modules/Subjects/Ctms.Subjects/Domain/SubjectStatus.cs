namespace Ctms.Subjects.Domain;

/// <summary>FHIR R4 ResearchSubject.status codes used so far.</summary>
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
}
