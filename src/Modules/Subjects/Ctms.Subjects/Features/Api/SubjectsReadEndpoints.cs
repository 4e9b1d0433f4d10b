using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Shared.Web;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Domain;
using Ctms.Trials.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Subjects.Features.Api;

/// <summary>
/// A subject as the API shows it: pseudonymous, no direct identifier and no arm (blinding is not modelled yet, so the
/// arm stays on the screens that already show it).
/// </summary>
internal sealed record SubjectResource(
    Guid Id,
    Guid TrialId,
    Guid SiteId,
    string SubjectNumber,
    string Status,
    DateOnly? ScreenedOn,
    DateOnly? ConsentedOn,
    bool ReconsentRequired,
    bool? Eligible,
    DateTimeOffset? EnrolledAt,
    bool Randomized,
    DateOnly? WithdrawnOn);

/// <param name="State">Today's state: occurred, missed, not-applicable, overdue or the window state.</param>
internal sealed record VisitResource(
    Guid Id,
    string VisitName,
    int Order,
    string Status,
    string State,
    DateOnly Planned,
    DateOnly Earliest,
    DateOnly Latest,
    DateOnly? ActualDate,
    bool OutOfWindow);

/// <summary>
/// Read-only subjects API (ADR 0013 conventions). The trial's sponsor sees every subject of the trial; site staff see
/// the subjects of their own sites; anyone else gets 403, and another tenant's trial is a 404.
/// </summary>
internal static class SubjectsReadEndpoints
{
    private static readonly string[] Statuses =
    [
        SubjectStatus.Candidate, SubjectStatus.Screening, SubjectStatus.Eligible, SubjectStatus.Ineligible,
        SubjectStatus.OnStudy, SubjectStatus.FollowUp, SubjectStatus.OffStudy, SubjectStatus.Withdrawn,
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trials/{trialId:guid}/subjects", async (Guid trialId, string? status, Guid? siteId, int? page, int? pageSize,
                ISubjectsQueries subjects, ITrialsQueries trials, ICurrentUser user, HttpRequest http, CancellationToken ct) =>
            {
                if (!PageRequest.TryRead(page, pageSize, out var request, out var invalid))
                {
                    return invalid!;
                }

                if (status is not null && !Statuses.Contains(status))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["status"] = [$"status must be one of {string.Join(", ", Statuses)}."],
                    }, title: "The request is not valid.");
                }

                var trial = await trials.GetAsync(trialId, ct);
                var sponsor = trial is not null && user.IsSponsorOf(trial.TenantId);
                if (!sponsor && Refusal(user, trial) is { } refused)
                {
                    return Result.Failure<int>(refused).ToHttpResult(_ => Results.Empty);
                }

                var list = (await subjects.ListForTrialAsync(trialId, ct))
                    .Where(s => sponsor || user.SiteIds.Contains(s.SiteId))
                    .Where(s => status is null || s.Status == status)
                    .Where(s => siteId is null || s.SiteId == siteId)
                    .Select(ToResource)
                    .ToList();
                return Results.Ok(PagedList<SubjectResource>.From(list, request, http));
            })
            .RequireAuthorization().WithTags("Subjects")
            .WithName("ListTrialSubjects")
            .WithSummary("A trial's subjects by number, pseudonymous (all for its sponsor, your sites' for site staff); filter by status and site.");

        app.MapGet("/api/v1/subjects/{subjectId:guid}/visits", async (Guid subjectId, ISubjectsQueries subjects, ITrialsQueries trials,
                ICurrentUser user, TimeProvider clock, CancellationToken ct) =>
            {
                if (!user.IsSiteStaff() && !user.ActsForSponsor())
                {
                    return Result.Failure<int>(Error.Forbidden("Only the trial's sponsor and site staff read visits.")).ToHttpResult(_ => Results.Empty);
                }

                var subject = await subjects.GetAsync(subjectId, ct);
                var trial = subject is null ? null : await trials.GetAsync(subject.TrialId, ct);
                if (subject is null || trial is null)
                {
                    return Result.Failure<int>(Error.NotFound("The subject")).ToHttpResult(_ => Results.Empty);
                }

                if (!user.IsSponsorOf(trial.TenantId) && !user.IsStaffOf(subject.SiteId))
                {
                    var refused = user.IsSiteStaff() ? Error.Forbidden("You are not on the staff of this subject's site.") : Refusal(user, null)!;
                    return Result.Failure<int>(refused).ToHttpResult(_ => Results.Empty);
                }

                var today = clock.Today();
                var visits = (await subjects.ListVisitsForSubjectAsync(subjectId, ct))
                    .Select(v => new VisitResource(v.Id, v.VisitName, v.Order, v.Status, v.StateOn(today), v.Planned, v.Earliest, v.Latest,
                        v.ActualDate, v.OutOfWindow))
                    .ToList();
                return Results.Ok(visits);
            })
            .RequireAuthorization().WithTags("Subjects")
            .WithName("ListSubjectVisits")
            .WithSummary("A subject's visits in order, with today's window state (overdue when a planned visit's window has closed).");
    }

    private static SubjectResource ToResource(SubjectSummary s) =>
        new(s.Id, s.TrialId, s.SiteId, s.SubjectNumber, s.Status, s.ScreenedOn, s.ConsentedOn, s.ReconsentRequired, s.Eligible, s.EnrolledAt,
            s.ArmId is not null, s.WithdrawnOn);

    /// <summary>Why a non-sponsor may not list the trial's subjects; null for site staff of an existing trial (they see their own sites').</summary>
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

        return Error.Forbidden("Only the trial's sponsor and site staff read subjects.");
    }
}
