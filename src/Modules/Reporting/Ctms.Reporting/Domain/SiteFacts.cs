namespace Ctms.Reporting.Domain;

/// <summary>A site's status, last write by event time (status events may arrive out of order).</summary>
internal sealed class SiteFact
{
    private SiteFact() { }

    public SiteFact(Guid siteId, Guid trialId)
    {
        SiteId = siteId;
        TrialId = trialId;
    }

    public Guid SiteId { get; private set; }
    public Guid TrialId { get; private set; }
    public string Code { get; set; } = "";
    public string Status { get; private set; } = "pending";
    public DateTimeOffset? StatusAt { get; private set; }
    public int TargetEnrollment { get; set; }

    public void SetStatus(string status, DateTimeOffset at)
    {
        if (StatusAt is null || at >= StatusAt)
        {
            Status = status;
            StatusAt = at;
        }
    }
}

/// <summary>The actual date of one activation milestone of a site (selected … activated).</summary>
internal sealed class SiteMilestoneFact
{
    private SiteMilestoneFact() { }

    public SiteMilestoneFact(Guid siteId, Guid trialId, string milestone, DateOnly reachedOn)
    {
        SiteId = siteId;
        TrialId = trialId;
        Milestone = milestone;
        ReachedOn = reachedOn;
    }

    public Guid SiteId { get; private set; }
    public Guid TrialId { get; private set; }
    public string Milestone { get; private set; } = "";
    public DateOnly ReachedOn { get; set; }
}

/// <summary>
/// An IRB approval (own, or a recognition of the reviewing IRB's) at one institution it covers, with its period and
/// its lapse. One row per approval and institution so a site's approvals are one indexed lookup.
/// </summary>
internal sealed class IrbApprovalFact
{
    private IrbApprovalFact() { }

    public IrbApprovalFact(Guid approvalId, Guid institutionId, Guid trialId, Guid irbId, Guid protocolVersionId, bool recognised,
        DateOnly approvedOn, DateOnly expiresOn)
    {
        ApprovalId = approvalId;
        InstitutionId = institutionId;
        TrialId = trialId;
        IrbId = irbId;
        ProtocolVersionId = protocolVersionId;
        Recognised = recognised;
        ApprovedOn = approvedOn;
        ExpiresOn = expiresOn;
    }

    public Guid ApprovalId { get; private set; }
    public Guid InstitutionId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid IrbId { get; private set; }
    public Guid ProtocolVersionId { get; private set; }
    public bool Recognised { get; private set; }
    public DateOnly ApprovedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }

    /// <summary>A lapse can arrive before its grant (reordering): the row exists then, without its period until the grant.</summary>
    public void SetPeriod(DateOnly approvedOn, DateOnly expiresOn)
    {
        ApprovedOn = approvedOn;
        ExpiresOn = expiresOn;
    }

    public DateOnly? LapsedOn { get; set; }
    public string? LapseReason { get; set; }

    // As the Irb module decides it: a lapse ends the approval for good, whatever the period said.
    public bool InForceOn(DateOnly date) => LapsedOn is null && ApprovedOn <= date && date <= ExpiresOn;
}
