using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.Access;
using Ctms.Trials.Contracts;

namespace Ctms.Subjects.Features.SiteSubjects;

internal sealed record SiteSubjectsQuery(Guid SiteId) : IQuery<SiteSubjectsView>;

internal sealed record SiteSubjectsView(SiteSummary Site, TrialSummary Trial, IReadOnlyList<SubjectSummary> Subjects)
{
    /// <summary>The subjects' visits, for the window-state filter (not part of the API answer).</summary>
    public IReadOnlyList<VisitSummary> Visits { get; init; } = [];
}

internal sealed class SiteSubjectsHandler(
    ISubjectsQueries subjects,
    ISitesQueries sites,
    ITrialsQueries trials,
    ICurrentUser user) : IQueryHandler<SiteSubjectsQuery, SiteSubjectsView>
{
    public async Task<Result<SiteSubjectsView>> HandleAsync(SiteSubjectsQuery query, CancellationToken cancellationToken = default)
    {
        if (SiteStaffAccess.Check(user, query.SiteId) is { } denied)
        {
            return denied;
        }

        var site = await sites.GetAsync(query.SiteId, cancellationToken);
        var trial = site is null ? null : await trials.GetAsync(site.TrialId, cancellationToken);
        if (site is null || trial is null)
        {
            return Error.NotFound("The site");
        }

        var list = await subjects.ListForSiteAsync(site.Id, cancellationToken);
        return new SiteSubjectsView(site, trial, list)
        {
            Visits = (await subjects.ListVisitsForTrialAsync(trial.Id, cancellationToken)).Where(v => v.SiteId == site.Id).ToList(),
        };
    }
}
