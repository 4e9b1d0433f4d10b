using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Domain;
using Ctms.Sites.Features.Access;
using Ctms.Sites.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.SitePage;

internal sealed record SiteViewQuery(Guid SiteId) : IQuery<SiteView>;

internal sealed record MilestoneView(string Kind, string Label, DateOnly? Planned, DateOnly? Actual);

internal sealed record StaffView(Guid Id, string UserId, string Email, string DisplayName, string Role, DateOnly? GcpTrainingExpiresOn, bool TrainingCurrent);

internal sealed record DelegationView(
    Guid Id,
    Guid StaffMemberId,
    string StaffName,
    IReadOnlyList<string> Responsibilities,
    DateOnly StartDate,
    DateOnly? EndDate,
    bool Signed,
    string? SignedByName,
    DateTimeOffset? SignedAt,
    DateTimeOffset? SignatureInvalidatedAt);

internal sealed record SiteView(
    Guid Id,
    string Code,
    string Status,
    string PrincipalInvestigator,
    int TargetEnrollment,
    string InstitutionName,
    TrialSummary Trial,
    IReadOnlyList<MilestoneView> Milestones,
    IReadOnlyList<CycleTime> CycleTimes,
    int? SelectionToActivationDays,
    IReadOnlyList<StaffView> Staff,
    IReadOnlyList<DelegationView> Delegations,
    IReadOnlyList<string> AllowedStatuses,
    bool CanManage,
    bool CanSign);

internal sealed class SiteViewHandler(SitesDbContext db, ITrialsQueries trials, ICurrentUser user, TimeProvider clock) : IQueryHandler<SiteViewQuery, SiteView>
{
    public async Task<Result<SiteView>> HandleAsync(SiteViewQuery query, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, query.SiteId, staffToo: true, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<SiteView>.FromErrors(loaded.Errors);
        }

        var (site, trial) = loaded.Value;
        var today = clock.Today();
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == site.InstitutionId, cancellationToken);
        var staff = await db.Staff.AsNoTracking().Where(s => s.SiteId == site.Id).OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);
        var names = staff.ToDictionary(s => s.Id, s => s.DisplayName);
        var entries = await db.Delegations.AsNoTracking().Where(d => d.SiteId == site.Id).OrderBy(d => d.StartDate).ToListAsync(cancellationToken);
        var milestones = site.Milestones.OrderBy(m => m.Order).ToList();
        return new SiteView(site.Id, site.Code, site.Status, site.PrincipalInvestigator, site.TargetEnrollment, institution.Name, trial,
            milestones.Select(m => new MilestoneView(m.Kind, MilestoneKind.Label(m.Kind), m.PlannedDate, m.ActualDate)).ToList(),
            CycleTimes.Steps(milestones),
            CycleTimes.SelectionToActivation(milestones),
            staff.Select(s => new StaffView(s.Id, s.UserId, s.Email, s.DisplayName, s.Role, s.GcpTrainingExpiresOn, s.TrainingCurrentOn(today))).ToList(),
            entries.Select(e => new DelegationView(e.Id, e.StaffMemberId, names.GetValueOrDefault(e.StaffMemberId, e.StaffUserId), e.Responsibilities, e.StartDate,
                e.EndDate, e.IsSigned, e.SignedByName, e.SignedAt, e.SignatureInvalidatedAt)).ToList(),
            SiteStatus.AllowedFrom(site.Status),
            SiteAccess.IsSponsorOf(user, trial),
            SiteAccess.IsInvestigatorOf(user, site.Id));
    }
}

internal sealed record TrialSitesQuery(Guid TrialId) : IQuery<TrialSitesView>;

internal sealed record TrialSitesView(TrialSummary Trial, IReadOnlyList<Contracts.SiteSummary> Sites, IReadOnlyList<Contracts.InstitutionSummary> Institutions);

internal sealed class TrialSitesHandler(ITrialsQueries trials, Contracts.ISitesQueries sites, ICurrentUser user) : IQueryHandler<TrialSitesQuery, TrialSitesView>
{
    public async Task<Result<TrialSitesView>> HandleAsync(TrialSitesQuery query, CancellationToken cancellationToken = default)
    {
        var trial = await SiteAccess.SponsorTrialAsync(user, trials, query.TrialId, cancellationToken);
        if (trial.IsFailure)
        {
            return Result<TrialSitesView>.FromErrors(trial.Errors);
        }

        return new TrialSitesView(trial.Value, await sites.ListForTrialAsync(query.TrialId, cancellationToken), await sites.ListInstitutionsAsync(cancellationToken));
    }
}
