using Ctms.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Persistence;

internal sealed record OverdueVisit(Guid SiteId, string SubjectNumber, string VisitName, DateOnly Planned, DateOnly Latest);

internal sealed record LateSae(Guid SiteId, string SubjectNumber, string Term, DateTimeOffset DueAt, DateTimeOffset ReportedAt);

internal sealed record DeviationRow(Guid SiteId, string SubjectNumber, string Category, string Severity, DateOnly OccurredOn);

internal sealed record MilestoneRow(Guid SiteId, string Milestone, DateOnly ReachedOn);

internal sealed record ApprovalRow(Guid ApprovalId, Guid InstitutionId, bool Recognised, DateOnly ApprovedOn, DateOnly ExpiresOn, DateOnly? LapsedOn)
{
    public string StateOn(DateOnly date) =>
        LapsedOn is not null ? "lapsed" : date > ExpiresOn ? "expired" : date < ApprovedOn ? "not-yet-effective" : "in-force";
}

internal sealed record ScreenFailReason(string Reason, int Subjects);

/// <summary>The trial dashboard's lists (capped: a dashboard shows the first rows and exports all through CSV of what it shows).</summary>
internal sealed class TrialDetailQueries(ReportingDbContext db)
{
    public const int ListCap = 500;

    public async Task<IReadOnlyList<OverdueVisit>> OverdueVisitsAsync(Guid trialId, DateOnly today, Guid? siteId, CancellationToken ct)
    {
        var visits = db.Visits.AsNoTracking().Where(v => v.TrialId == trialId && v.Status == VisitFact.Planned && v.Latest < today);
        if (siteId is { } site)
        {
            visits = visits.Where(v => v.SiteId == site);
        }

        return await (from v in visits
                      join s in db.Subjects.AsNoTracking() on v.SubjectId equals s.SubjectId into subjects
                      from s in subjects.DefaultIfEmpty()
                      orderby v.Latest, v.VisitName
                      select new OverdueVisit(v.SiteId, s == null ? "" : s.SubjectNumber, v.VisitName, v.PlannedOn, v.Latest))
            .Take(ListCap).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LateSae>> LateSaesAsync(Guid trialId, Guid? siteId, CancellationToken ct) =>
        (await db.SeriousAdverseEvents.AsNoTracking()
            .Where(s => s.TrialId == trialId && s.Late && (siteId == null || s.SiteId == siteId))
            .OrderBy(s => s.ReportedOn).Take(ListCap)
            .Select(s => new LateSae(s.SiteId, s.SubjectNumber, s.Term, s.DueAt, s.ReportedAt)).ToListAsync(ct));

    public async Task<IReadOnlyList<DeviationRow>> DeviationsAsync(Guid trialId, Guid? siteId, CancellationToken ct) =>
        await db.Deviations.AsNoTracking()
            .Where(d => d.TrialId == trialId && (siteId == null || d.SiteId == siteId))
            .OrderByDescending(d => d.OccurredOn).Take(ListCap)
            .Select(d => new DeviationRow(d.SiteId, d.SubjectNumber, d.Category, d.Severity, d.OccurredOn)).ToListAsync(ct);

    public async Task<IReadOnlyList<MilestoneRow>> MilestonesAsync(Guid trialId, CancellationToken ct) =>
        await db.SiteMilestones.AsNoTracking().Where(m => m.TrialId == trialId)
            .Select(m => new MilestoneRow(m.SiteId, m.Milestone, m.ReachedOn)).ToListAsync(ct);

    public async Task<IReadOnlyList<ApprovalRow>> ApprovalsAsync(Guid trialId, CancellationToken ct) =>
        await db.IrbApprovals.AsNoTracking().Where(a => a.TrialId == trialId)
            .OrderBy(a => a.ExpiresOn)
            .Select(a => new ApprovalRow(a.ApprovalId, a.InstitutionId, a.Recognised, a.ApprovedOn, a.ExpiresOn, a.LapsedOn)).ToListAsync(ct);

    /// <summary>Screen-failure reasons as counted per reason (a subject may fail on several).</summary>
    public async Task<IReadOnlyList<ScreenFailReason>> ScreenFailReasonsAsync(Guid trialId, CancellationToken ct)
    {
        var reasons = await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId && s.Eligible == false && s.ScreenFailReasons != null)
            .Select(s => s.ScreenFailReasons!).ToListAsync(ct);
        return reasons.SelectMany(r => r.Split("; ", StringSplitOptions.RemoveEmptyEntries)).GroupBy(r => r)
            .Select(g => new ScreenFailReason(g.Key, g.Count())).OrderByDescending(r => r.Subjects).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
    }
}
