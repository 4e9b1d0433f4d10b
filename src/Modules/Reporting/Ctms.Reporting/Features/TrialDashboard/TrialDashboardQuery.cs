using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.Access;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.TrialDashboard;

/// <param name="SiteId">Set to drill down to one site: the lists then hold that site's rows only.</param>
internal sealed record TrialDashboardQuery(Guid TrialId, Guid? SiteId = null) : IQuery<TrialDashboard>;

/// <summary>
/// One trial's dashboard, read from the read model (figures) and the owning modules (names, targets, status). Subjects
/// appear by pseudonymous number only.
/// </summary>
internal sealed class TrialDashboardHandler(
    ITrialsQueries trials,
    ISitesQueries sites,
    IReportingQueries reporting,
    TrialDetailQueries details,
    ICurrentUser user,
    TimeProvider clock) : IQueryHandler<TrialDashboardQuery, TrialDashboard>
{
    public async Task<Result<TrialDashboard>> HandleAsync(TrialDashboardQuery query, CancellationToken cancellationToken = default)
    {
        var access = await ReportingAccess.TrialAsync(user, trials, query.TrialId, cancellationToken);
        if (access.IsFailure)
        {
            return Result<TrialDashboard>.FromErrors(access.Errors);
        }

        var trial = access.Value;
        var today = clock.Today();
        var siteList = await sites.ListForTrialAsync(trial.Id, cancellationToken);
        if (query.SiteId is { } siteId && siteList.All(s => s.Id != siteId))
        {
            return Error.NotFound("The site of this trial");
        }

        var metrics = (await reporting.SiteMetricsAsync(trial.Id, today, cancellationToken)).ToDictionary(m => m.SiteId);
        var milestones = (await details.MilestonesAsync(trial.Id, cancellationToken)).ToLookup(m => m.SiteId);
        var approvals = await details.ApprovalsAsync(trial.Id, cancellationToken);
        var approvalsByInstitution = approvals.ToLookup(a => a.InstitutionId);

        var rows = siteList.Select(s => new SiteDashboardRow(
                s,
                metrics.GetValueOrDefault(s.Id) ?? SiteDashboardRow.Empty(trial.Id, s.Id),
                milestones[s.Id].ToDictionary(m => m.Milestone, m => m.ReachedOn),
                approvalsByInstitution[s.InstitutionId].OrderByDescending(a => a.ExpiresOn).FirstOrDefault()))
            .ToList();

        var daily = await reporting.DailyEnrollmentAsync(trial.Id, cancellationToken);
        var names = siteList.ToDictionary(s => s.Id, s => s.Code);
        return new TrialDashboard(
            trial,
            today,
            query.SiteId,
            rows,
            Cumulative(daily),
            await reporting.RandomizedByArmAsync(trial.Id, cancellationToken),
            await details.ScreenFailReasonsAsync(trial.Id, cancellationToken),
            await details.OverdueVisitsAsync(trial.Id, today, query.SiteId, cancellationToken),
            await details.LateSaesAsync(trial.Id, query.SiteId, cancellationToken),
            await details.DeviationsAsync(trial.Id, query.SiteId, cancellationToken),
            approvals.Where(a => siteList.Any(s => s.InstitutionId == a.InstitutionId)).ToList(),
            names,
            siteList.GroupBy(s => s.InstitutionId).ToDictionary(g => g.Key, g => g.First().InstitutionName));
    }

    private static List<RecruitmentPoint> Cumulative(IReadOnlyList<DailyEnrollment> daily)
    {
        var total = 0;
        return daily.Select(d => new RecruitmentPoint(d.Day, total += d.Enrolled)).ToList();
    }
}
