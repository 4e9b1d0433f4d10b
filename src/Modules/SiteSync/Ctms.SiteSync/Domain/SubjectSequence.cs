namespace Ctms.SiteSync.Domain;

/// <summary>The last per-subject sequence number the gateway processed for a subject at a site.</summary>
internal sealed class SubjectSequence
{
    private SubjectSequence()
    {
    }

    public SubjectSequence(string siteCode, string subjectNumber)
    {
        SiteCode = siteCode;
        SubjectNumber = subjectNumber;
    }

    public string SiteCode { get; private set; } = "";
    public string SubjectNumber { get; private set; } = "";
    public int LastSequence { get; private set; }

    public void Advance(int sequence) => LastSequence = Math.Max(LastSequence, sequence);
}
