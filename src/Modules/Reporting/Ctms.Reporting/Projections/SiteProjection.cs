using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Sites.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Projections;

/// <summary>Site status, activation milestones and IRB approvals → their fact rows.</summary>
internal sealed class SiteProjection(ReportingDbContext db)
{
    public async Task ApplyAsync(SiteActivated e, CancellationToken ct)
    {
        var site = await SiteAsync(e.SiteId, e.TrialId, ct);
        site.Code = e.SiteCode;
        site.TargetEnrollment = e.TargetEnrollment;
        site.SetStatus("active", e.OccurredAt);
    }

    public async Task ApplyAsync(SiteStatusChanged e, CancellationToken ct)
    {
        Require.Text(e.NewStatus, "new status");
        var site = await SiteAsync(e.SiteId, e.TrialId, ct);
        site.Code = e.SiteCode;
        site.SetStatus(e.NewStatus, e.ChangedAt);
    }

    public async Task ApplyAsync(SiteMilestoneReached e, CancellationToken ct)
    {
        Require.Ids(e.SiteId, e.TrialId);
        Require.Text(e.Milestone, "milestone");
        // Deliveries on one endpoint run concurrently too: a repeated milestone may be creating the row right now.
        (await FirstInsert.RowAsync(db, new SiteMilestoneFact(e.SiteId, e.TrialId, e.Milestone, e.ReachedOn), ct)).ReachedOn = e.ReachedOn;
    }

    public async Task ApplyAsync(IrbApprovalGranted e, CancellationToken ct)
    {
        Require.Ids(e.ApprovalId, e.TrialId, e.IrbId);
        foreach (var row in await ApprovalRowsAsync(e.ApprovalId, e.InstitutionIds, e.TrialId, e.IrbId, e.ProtocolVersionId, e.Recognised, ct))
        {
            row.SetPeriod(e.ApprovedOn, e.ExpiresOn);
        }
    }

    public async Task ApplyAsync(IrbApprovalLapsed e, CancellationToken ct)
    {
        Require.Ids(e.ApprovalId, e.TrialId, e.IrbId);
        // Only approvals granted here: other centers' lapses travel on the same bus and are not this center's approvals.
        foreach (var row in await db.IrbApprovals.Where(a => a.ApprovalId == e.ApprovalId).ToListAsync(ct))
        {
            row.LapsedOn = e.LapsedOn;
            row.LapseReason = e.Reason;
        }
    }

    private async Task<List<IrbApprovalFact>> ApprovalRowsAsync(Guid approvalId, IReadOnlyList<Guid> institutions, Guid trialId, Guid irbId,
        Guid protocolVersionId, bool recognised, CancellationToken ct)
    {
        var rows = await db.IrbApprovals.Where(a => a.ApprovalId == approvalId).ToListAsync(ct);
        foreach (var institution in institutions.Distinct().Where(i => rows.All(r => r.InstitutionId != i)).ToList())
        {
            // A redelivered or re-granted approval may be creating the same row right now.
            rows.Add(await FirstInsert.StoredAsync(db, new IrbApprovalFact(approvalId, institution, trialId, irbId, protocolVersionId, recognised, default, default), ct));
        }

        return rows;
    }

    private async Task<SiteFact> SiteAsync(Guid siteId, Guid trialId, CancellationToken ct)
    {
        Require.Ids(siteId, trialId);
        // The site's other status event may be creating the row right now, on another endpoint.
        return await FirstInsert.RowAsync(db, new SiteFact(siteId, trialId), ct);
    }
}
