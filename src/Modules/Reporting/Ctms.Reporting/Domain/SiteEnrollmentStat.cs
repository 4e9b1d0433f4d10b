namespace Ctms.Reporting.Domain;

/// <summary>Read model row: enrolled count of one site, denormalised for the sponsor dashboard.</summary>
internal sealed class SiteEnrollmentStat
{
    private SiteEnrollmentStat() { }

    public SiteEnrollmentStat(Guid trialId, Guid siteId)
    {
        TrialId = trialId;
        SiteId = siteId;
    }

    public Guid TrialId { get; private set; }
    public Guid SiteId { get; private set; }
    public int Enrolled { get; private set; }
    public DateTimeOffset? LastEnrolledAt { get; private set; }
    public int Version { get; private set; }

    public void CountEnrollment(DateTimeOffset enrolledAt)
    {
        Enrolled++;
        if (LastEnrolledAt is null || enrolledAt > LastEnrolledAt)
        {
            LastEnrolledAt = enrolledAt;
        }

        Version++;
    }
}
