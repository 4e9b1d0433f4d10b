using Ctms.Reporting.Contracts;
using Ctms.Reporting.Domain;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Reporting.Persistence;

/// <summary>
/// Per-trial aggregates over the fact rows: each is one grouped query on an index that leads with the trial id, so the
/// cost grows with one trial's rows, not the portfolio's.
/// </summary>
internal sealed class ReportingQueries(ReportingDbContext db) : IReportingQueries
{
    public async Task<IReadOnlyList<SiteEnrollmentCount>> SiteEnrollmentAsync(Guid trialId, CancellationToken cancellationToken = default)
    {
        var rows = await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId && s.EnrolledAt != null)
            .Select(s => new { s.SiteId, s.EnrolledAt }).ToListAsync(cancellationToken);
        // Grouped in memory: SQLite stores DateTimeOffset as ticks, and the latest per site is a handful of rows anyway.
        return rows.GroupBy(r => r.SiteId)
            .Select(g => new SiteEnrollmentCount(trialId, g.Key, g.Count(), g.Max(r => r.EnrolledAt)))
            .ToList();
    }

    public async Task<IReadOnlyList<SiteMetrics>> SiteMetricsAsync(Guid trialId, DateOnly today, CancellationToken cancellationToken = default)
    {
        var subjects = await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId).GroupBy(s => s.SiteId)
            .Select(g => new
            {
                SiteId = g.Key,
                Screened = g.Count(s => s.ScreenedOn != null),
                ScreenFailed = g.Count(s => s.Eligible == false),
                Consented = g.Count(s => s.ConsentedOn != null),
                Enrolled = g.Count(s => s.EnrolledOn != null),
                Randomized = g.Count(s => s.ArmId != null),
                Withdrawn = g.Count(s => s.WithdrawnOn != null),
                Completed = g.Count(s => s.Completed),
            }).ToDictionaryAsync(x => x.SiteId, cancellationToken);
        var visits = await db.Visits.AsNoTracking().Where(v => v.TrialId == trialId).GroupBy(v => v.SiteId)
            .Select(g => new
            {
                SiteId = g.Key,
                Planned = g.Count(v => v.Status == VisitFact.Planned),
                Occurred = g.Count(v => v.Status == VisitFact.Occurred),
                Missed = g.Count(v => v.Status == VisitFact.Missed),
                Overdue = g.Count(v => v.Status == VisitFact.Planned && v.Latest < today),
                OutOfWindow = g.Count(v => v.OutOfWindow),
            }).ToDictionaryAsync(x => x.SiteId, cancellationToken);
        var deviations = await db.Deviations.AsNoTracking().Where(d => d.TrialId == trialId).GroupBy(d => d.SiteId)
            .Select(g => new { SiteId = g.Key, Major = g.Count(d => d.Severity == "major"), All = g.Count() })
            .ToDictionaryAsync(x => x.SiteId, cancellationToken);
        var saes = await db.SeriousAdverseEvents.AsNoTracking().Where(s => s.TrialId == trialId).GroupBy(s => s.SiteId)
            .Select(g => new { SiteId = g.Key, All = g.Count(), Late = g.Count(s => s.Late) })
            .ToDictionaryAsync(x => x.SiteId, cancellationToken);
        var sites = await db.Sites.AsNoTracking().Where(s => s.TrialId == trialId).Select(s => s.SiteId).ToListAsync(cancellationToken);

        return sites.Concat(subjects.Keys).Concat(visits.Keys).Concat(deviations.Keys).Concat(saes.Keys).Distinct()
            .Select(id =>
            {
                var s = subjects.GetValueOrDefault(id);
                var v = visits.GetValueOrDefault(id);
                var d = deviations.GetValueOrDefault(id);
                var a = saes.GetValueOrDefault(id);
                return new SiteMetrics(trialId, id,
                    s?.Screened ?? 0, s?.ScreenFailed ?? 0, s?.Consented ?? 0, s?.Enrolled ?? 0, s?.Randomized ?? 0, s?.Withdrawn ?? 0, s?.Completed ?? 0,
                    v?.Planned ?? 0, v?.Occurred ?? 0, v?.Missed ?? 0, v?.Overdue ?? 0, v?.OutOfWindow ?? 0,
                    (d?.All ?? 0) - (d?.Major ?? 0), d?.Major ?? 0, a?.All ?? 0, a?.Late ?? 0);
            })
            .ToList();
    }

    public async Task<IReadOnlyList<DailyEnrollment>> DailyEnrollmentAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId && s.EnrolledOn != null)
            .GroupBy(s => s.EnrolledOn!.Value)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .OrderBy(x => x.Day).Select(x => new DailyEnrollment(x.Day, x.Count)).ToList();

    public async Task<IReadOnlyList<ArmCount>> RandomizedByArmAsync(Guid trialId, CancellationToken cancellationToken = default) =>
        (await db.Subjects.AsNoTracking().Where(s => s.TrialId == trialId && s.ArmId != null)
            .GroupBy(s => s.ArmName ?? "")
            .Select(g => new { Arm = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken))
        .OrderBy(x => x.Arm, StringComparer.Ordinal).Select(x => new ArmCount(x.Arm, x.Count)).ToList();
}
