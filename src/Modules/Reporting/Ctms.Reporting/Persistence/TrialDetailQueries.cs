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

/// <summary>Per trial and site: enrolled subjects, late SAE reports and overdue visits on a day (the portfolio's figures).</summary>
internal sealed record SiteAlertCounts(Guid TrialId, Guid SiteId, int Enrolled, int LateSaes, int OverdueVisits);

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

    /// <summary>
    /// The portfolio's figures for many trials in three grouped queries (not the full site metrics once per trial): the
    /// portfolio shows only enrolled per site and two alert counts, and one pass over the tenant's rows beats fifty.
    /// </summary>
    public async Task<IReadOnlyList<SiteAlertCounts>> PortfolioCountsAsync(IReadOnlyList<Guid> trialIds, DateOnly today, CancellationToken ct)
    {
        var ids = trialIds.ToList();
        var enrolled = await db.Subjects.AsNoTracking().Where(s => ids.Contains(s.TrialId) && s.EnrolledOn != null)
            .GroupBy(s => new { s.TrialId, s.SiteId }).Select(g => new { g.Key.TrialId, g.Key.SiteId, Count = g.Count() }).ToListAsync(ct);
        var late = await db.SeriousAdverseEvents.AsNoTracking().Where(s => ids.Contains(s.TrialId) && s.Late)
            .GroupBy(s => new { s.TrialId, s.SiteId }).Select(g => new { g.Key.TrialId, g.Key.SiteId, Count = g.Count() }).ToListAsync(ct);
        var overdue = await db.Visits.AsNoTracking().Where(v => ids.Contains(v.TrialId) && v.Status == VisitFact.Planned && v.Latest < today)
            .GroupBy(v => new { v.TrialId, v.SiteId }).Select(g => new { g.Key.TrialId, g.Key.SiteId, Count = g.Count() }).ToListAsync(ct);
        return enrolled.Select(e => (e.TrialId, e.SiteId)).Concat(late.Select(l => (l.TrialId, l.SiteId))).Concat(overdue.Select(o => (o.TrialId, o.SiteId)))
            .Distinct()
            .Select(k => new SiteAlertCounts(k.TrialId, k.SiteId,
                enrolled.FirstOrDefault(e => e.TrialId == k.TrialId && e.SiteId == k.SiteId)?.Count ?? 0,
                late.FirstOrDefault(l => l.TrialId == k.TrialId && l.SiteId == k.SiteId)?.Count ?? 0,
                overdue.FirstOrDefault(o => o.TrialId == k.TrialId && o.SiteId == k.SiteId)?.Count ?? 0))
            .ToList();
    }

    /// <summary>The IRB approvals of many trials in one query.</summary>
    public async Task<ILookup<Guid, ApprovalRow>> ApprovalsAsync(IReadOnlyList<Guid> trialIds, CancellationToken ct)
    {
        var ids = trialIds.ToList();
        return (await db.IrbApprovals.AsNoTracking().Where(a => ids.Contains(a.TrialId))
                .Select(a => new { a.TrialId, Row = new ApprovalRow(a.ApprovalId, a.InstitutionId, a.Recognised, a.ApprovedOn, a.ExpiresOn, a.LapsedOn) })
                .ToListAsync(ct))
            .ToLookup(a => a.TrialId, a => a.Row);
    }

    /// <summary>Screen-failure reasons as counted per reason (a subject may fail on several).</summary>
    public async Task<IReadOnlyList<ScreenFailReason>> ScreenFailReasonsAsync(Guid trialId, CancellationToken ct)
    {
        var reasons = await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId && s.Eligible == false && s.ScreenFailReasons != null)
            .Select(s => s.ScreenFailReasons!).ToListAsync(ct);
        return reasons.SelectMany(r => r.Split("; ", StringSplitOptions.RemoveEmptyEntries)).GroupBy(r => r)
            .Select(g => new ScreenFailReason(g.Key, g.Count())).OrderByDescending(r => r.Subjects).ThenBy(r => r.Reason, StringComparer.Ordinal).ToList();
    }
}
