namespace Ctms.Sites.Contracts;

/// <summary>A site is one trial at one institution. Status: pending, active, on-hold, closed-to-accrual, closed.</summary>
public sealed record SiteSummary(
    Guid Id,
    Guid TrialId,
    Guid InstitutionId,
    string InstitutionName,
    string Code,
    string PrincipalInvestigator,
    string Status,
    int TargetEnrollment)
{
    public bool IsActive => Status == "active";
}

/// <summary>Milestone: selected, feasibility-done, contract-signed, irb-approval, site-initiation-visit or activated.</summary>
public sealed record SiteMilestoneSummary(Guid SiteId, Guid TrialId, string Milestone, int Order, DateOnly? Planned, DateOnly? Actual);

public sealed record InstitutionSummary(Guid Id, string Name, string Country, Guid IrbId);
