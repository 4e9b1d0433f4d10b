namespace Ctms.Subjects.Domain;

/// <summary>
/// Per-site numbering and enrollment count. Its concurrency token makes two enrollments that read the same
/// count conflict in the database, so a cap can never be exceeded and a number never issued twice.
/// </summary>
internal sealed class SiteEnrollmentCounter
{
    private SiteEnrollmentCounter() { }

    public SiteEnrollmentCounter(Guid siteId, Guid trialId)
    {
        SiteId = siteId;
        TrialId = trialId;
    }

    public Guid SiteId { get; private set; }
    public Guid TrialId { get; private set; }
    public int LastSequence { get; private set; }
    public int Enrolled { get; private set; }
    public int Version { get; private set; }

    public string IssueSubjectNumber(string siteCode)
    {
        LastSequence++;
        Version++;
        return SubjectNumbers.Format(siteCode, LastSequence);
    }

    public void CountEnrollment()
    {
        Enrolled++;
        Version++;
    }
}

/// <summary>Enrollment count of a whole trial, for the overall cap.</summary>
internal sealed class TrialEnrollmentCounter
{
    private TrialEnrollmentCounter() { }

    public TrialEnrollmentCounter(Guid trialId) => TrialId = trialId;

    public Guid TrialId { get; private set; }
    public int Enrolled { get; private set; }
    public int Version { get; private set; }

    public void CountEnrollment()
    {
        Enrolled++;
        Version++;
    }
}

internal static class SubjectNumbers
{
    /// <summary>"SEL01-001": the site code, a dash, and a sequence of at least three digits.</summary>
    public static string Format(string siteCode, int sequence) =>
        sequence <= 0
            ? throw new ArgumentOutOfRangeException(nameof(sequence), "Subject sequences start at 1.")
            : $"{siteCode}-{sequence:D3}";
}
