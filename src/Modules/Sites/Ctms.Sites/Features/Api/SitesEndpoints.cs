using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Web;
using Ctms.Sites.Domain;
using Ctms.Sites.Features.Access;
using Ctms.Sites.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.Api;

/// <summary>A site as the API shows it: one trial at one institution. Version is the ETag's source.</summary>
internal sealed record SiteResource(
    Guid Id,
    Guid TrialId,
    Guid InstitutionId,
    string InstitutionName,
    string Code,
    string PrincipalInvestigator,
    string Status,
    int TargetEnrollment,
    DateTimeOffset? ActivatedAt,
    int Version);

/// <summary>
/// Read-only sites API. Scope as in the UI: the sponsor (tenant of the trial) sees all of a trial's sites, site staff
/// only their own; other roles are refused. Another tenant's trial or site is a 404, so its existence is not disclosed.
/// </summary>
internal static class SitesEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trials/{trialId:guid}/sites", async (Guid trialId, string? status, int? page, int? pageSize, SitesDbContext db,
                ITrialsQueries trials, ICurrentUser user, HttpRequest http, CancellationToken ct) =>
            {
                if (!PageRequest.TryRead(page, pageSize, out var request, out var invalid))
                {
                    return invalid!;
                }

                if (status is not null && !SiteStatus.All.Contains(status))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["status"] = [$"status must be one of {string.Join(", ", SiteStatus.All)}."],
                    }, title: "The request is not valid.");
                }

                var trial = await trials.GetAsync(trialId, ct);
                var sponsor = trial is not null && SiteAccess.IsSponsorOf(user, trial);
                if (!sponsor && Refusal(user, trial) is { } refused)
                {
                    return Result.Failure<int>(refused).ToHttpResult(_ => Results.Empty);
                }

                var siteIds = user.SiteIds;
                var list = (await Resources(db, db.Sites.Where(s => s.TrialId == trialId)).ToListAsync(ct))
                    .Where(s => sponsor || siteIds.Contains(s.Id))
                    .Where(s => status is null || s.Status == status)
                    .OrderBy(s => s.Code, StringComparer.Ordinal)
                    .ToList();
                return Results.Ok(PagedList<SiteResource>.From(list, request, http));
            })
            .RequireAuthorization().WithTags("Sites")
            .WithName("ListTrialSites")
            .WithSummary("A trial's sites by code (all of them for its sponsor, your own for site staff); filter by status.");

        app.MapGet("/api/v1/sites/{siteId:guid}", async (Guid siteId, SitesDbContext db, ITrialsQueries trials, ICurrentUser user, HttpContext http,
                CancellationToken ct) =>
            {
                var site = (await Resources(db, db.Sites.Where(s => s.Id == siteId)).ToListAsync(ct)).SingleOrDefault();
                var trial = site is null ? null : await trials.GetAsync(site.TrialId, ct);
                if (site is null || trial is null)
                {
                    return Result.Failure<int>(Error.NotFound("The site")).ToHttpResult(_ => Results.Empty);
                }

                if (SiteAccess.IsSponsorOf(user, trial) || SiteAccess.IsStaffOf(user, siteId))
                {
                    return ETags.OkWithETag(http, site, site.Version);
                }

                // Staff of another site get the same 403 as the site-scoped subjects API; anyone else learns nothing.
                var refused = user.IsSiteStaff() ? Error.Forbidden("You are not on this site's staff.") : Refusal(user, null)!;
                return Result.Failure<int>(refused).ToHttpResult(_ => Results.Empty);
            })
            .RequireAuthorization().WithTags("Sites")
            .WithName("GetSite")
            .WithSummary("One site, with its ETag (If-None-Match answers 304 when unchanged).");
    }

    /// <summary>Why a non-sponsor may not list the trial's sites; null for site staff of an existing trial (they see their own sites).</summary>
    private static Error? Refusal(ICurrentUser user, TrialSummary? trial)
    {
        if (user.IsSiteStaff())
        {
            return trial is null ? Error.NotFound("The trial") : null;
        }

        if (user.ActsForSponsor())
        {
            return Error.NotFound("The trial"); // absent, or another tenant's
        }

        return Error.Forbidden("Only the trial's sponsor and site staff read sites.");
    }

    // Filter on the entities first: a projection into a record cannot be translated back into SQL.
    private static IQueryable<SiteResource> Resources(SitesDbContext db, IQueryable<Site> sites) =>
        from s in sites.AsNoTracking()
        join i in db.Institutions.AsNoTracking() on s.InstitutionId equals i.Id
        select new SiteResource(s.Id, s.TrialId, s.InstitutionId, i.Name, s.Code, s.PrincipalInvestigator, s.Status, s.TargetEnrollment,
            s.ActivatedAt, s.Version);
}
