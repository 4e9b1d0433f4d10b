using Ctms.Reporting.Contracts;
using Ctms.Reporting.Persistence;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.TrialDashboard;

internal sealed record RecruitmentPoint(DateOnly Day, int Cumulative);

/// <summary>A site's row: who it is (Sites), its figures (read model), its milestones and its latest IRB approval.</summary>
internal sealed record SiteDashboardRow(SiteSummary Site, SiteMetrics Metrics, IReadOnlyDictionary<string, DateOnly> Milestones, ApprovalRow? Approval)
{
    public static readonly IReadOnlyList<string> Funnel = ["selected", "feasibility-done", "contract-signed", "irb-approval", "site-initiation-visit", "activated"];

    public static SiteMetrics Empty(Guid trialId, Guid siteId) => new(trialId, siteId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Days from selection to activation, once both are reached.</summary>
    public int? CycleTimeDays =>
        Milestones.TryGetValue("selected", out var selected) && Milestones.TryGetValue("activated", out var activated)
            ? activated.DayNumber - selected.DayNumber
            : null;

    /// <summary>The furthest funnel step reached (0 = none).</summary>
    public int FunnelStage => Funnel.Select((m, i) => Milestones.ContainsKey(m) ? i + 1 : 0).DefaultIfEmpty(0).Max();
}

internal sealed record TrialDashboard(
    TrialSummary Trial,
    DateOnly Today,
    Guid? SiteFilter,
    IReadOnlyList<SiteDashboardRow> Sites,
    IReadOnlyList<RecruitmentPoint> Recruitment,
    IReadOnlyList<ArmCount> Arms,
    IReadOnlyList<ScreenFailReason> ScreenFailReasons,
    IReadOnlyList<OverdueVisit> OverdueVisits,
    IReadOnlyList<LateSae> LateSaes,
    IReadOnlyList<DeviationRow> Deviations,
    IReadOnlyList<ApprovalRow> Approvals,
    IReadOnlyDictionary<Guid, string> SiteCodes,
    IReadOnlyDictionary<Guid, string> Institutions)
{
    public int Enrolled => Sites.Sum(s => s.Metrics.Enrolled);

    /// <summary>Approvals that expire within the next 60 days or have lapsed: the alerts a sponsor acts on.</summary>
    public IReadOnlyList<ApprovalRow> LapsingApprovals =>
        Approvals.Where(a => a.LapsedOn is not null || a.ExpiresOn.DayNumber - Today.DayNumber <= 60).ToList();

    public string SiteCode(Guid siteId) => SiteCodes.GetValueOrDefault(siteId, "?");

    public string Institution(Guid institutionId) => Institutions.GetValueOrDefault(institutionId, "?");
}
