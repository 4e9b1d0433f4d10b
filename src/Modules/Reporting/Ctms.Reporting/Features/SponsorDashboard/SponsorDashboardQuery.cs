using Ctms.Reporting.Contracts;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;
using Ctms.Trials.Contracts;

namespace Ctms.Reporting.Features.SponsorDashboard;

internal sealed record SponsorDashboardQuery : IQuery<IReadOnlyList<TrialProgress>>;

internal sealed record SiteProgress(Guid SiteId, string Code, string Institution, string Status, int Enrolled, int Target);

internal sealed record TrialProgress(TrialSummary Trial, IReadOnlyList<SiteProgress> Sites)
{
    public int Enrolled => Sites.Sum(s => s.Enrolled);
    public int ActiveSites => Sites.Count(s => s.Status == "active");
}

/// <summary>Enrollment per site for every trial of the caller's tenant. No subject-level data at all.</summary>
internal sealed class SponsorDashboardHandler(
    ITrialsQueries trials,
    ISitesQueries sites,
    IReportingQueries reporting,
    ICurrentUser user) : IQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>>
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

        var result = new List<TrialProgress>();
        foreach (var trial in await trials.ListForTenantAsync(tenant, cancellationToken))
        {
            var counts = (await reporting.SiteEnrollmentAsync(trial.Id, cancellationToken)).ToDictionary(c => c.SiteId);
            var rows = (await sites.ListForTrialAsync(trial.Id, cancellationToken))
                .Select(s => new SiteProgress(s.Id, s.Code, s.InstitutionName, s.Status,
                    counts.TryGetValue(s.Id, out var c) ? c.Enrolled : 0, s.TargetEnrollment))
                .ToList();
            result.Add(new TrialProgress(trial, rows));
        }

        return result;
    }
}
