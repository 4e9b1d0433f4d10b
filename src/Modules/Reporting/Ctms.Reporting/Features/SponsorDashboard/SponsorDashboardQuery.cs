using Ctms.Reporting.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.SponsorDashboard;

internal sealed record SponsorDashboardQuery : IQuery<IReadOnlyList<TrialProgress>>;

internal sealed record SiteProgress(Guid SiteId, string Code, string Institution, string Status, int Enrolled, int Target);

/// <summary>What needs the sponsor's attention in a trial: approvals lapsed or expiring within 60 days, late SAE reports, overdue visits.</summary>
internal sealed record TrialAlerts(int LapsingApprovals, int LateSaes, int OverdueVisits)
{
    public static readonly TrialAlerts None = new(0, 0, 0);

    public bool Any => LapsingApprovals + LateSaes + OverdueVisits > 0;
}

internal sealed record TrialProgress(TrialSummary Trial, IReadOnlyList<SiteProgress> Sites)
{
    public TrialAlerts Alerts { get; init; } = TrialAlerts.None;

    public int Enrolled => Sites.Sum(s => s.Enrolled);
    public int ActiveSites => Sites.Count(s => s.Status == "active");
}

/// <summary>Enrollment per site for every trial of the caller's tenant. No subject-level data at all.</summary>
internal sealed class SponsorDashboardHandler(
    ITrialsQueries trials,
    ISitesQueries sites,
    TrialDetailQueries details,
    ICurrentUser user,
    TimeProvider clock) : IQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>>
{
    public async Task<Result<IReadOnlyList<TrialProgress>>> HandleAsync(SponsorDashboardQuery query, CancellationToken cancellationToken = default)
    {
        if (!user.IsInRole(CtmsRoles.Sponsor) && !user.IsInRole(CtmsRoles.Administrator))
        {
            return Error.Forbidden("Only sponsor users and administrators see the sponsor dashboard.");
        }

        if (user.TenantId is not { } tenant)
        {
            return Error.Forbidden("Your account is not linked to a sponsor organisation.");
        }

        var today = clock.Today();
        var trialList = await trials.ListForTenantAsync(tenant, cancellationToken);
        var ids = trialList.Select(t => t.Id).ToList();
        var counts = (await details.PortfolioCountsAsync(ids, today, cancellationToken)).ToDictionary(c => (c.TrialId, c.SiteId));
        var approvals = await details.ApprovalsAsync(ids, cancellationToken);
        var result = new List<TrialProgress>();
        foreach (var trial in trialList)
        {
            var siteList = await sites.ListForTrialAsync(trial.Id, cancellationToken);
            var shown = siteList.Select(s => counts.GetValueOrDefault((trial.Id, s.Id))).OfType<SiteAlertCounts>().ToList();
            var rows = siteList
                .Select(s => new SiteProgress(s.Id, s.Code, s.InstitutionName, s.Status,
                    counts.TryGetValue((trial.Id, s.Id), out var c) ? c.Enrolled : 0, s.TargetEnrollment))
                .ToList();
            var institutions = siteList.Select(s => s.InstitutionId).ToHashSet();
            var lapsing = approvals[trial.Id]
                .Where(a => institutions.Contains(a.InstitutionId))
                .Count(a => a.LapsedOn is not null || a.ExpiresOn.DayNumber - today.DayNumber <= 60);
            result.Add(new TrialProgress(trial, rows)
            {
                Alerts = new TrialAlerts(lapsing, shown.Sum(m => m.LateSaes), shown.Sum(m => m.OverdueVisits)),
            });
        }

        return result;
    }
}
