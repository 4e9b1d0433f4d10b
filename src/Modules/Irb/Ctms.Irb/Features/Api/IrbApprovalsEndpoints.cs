using Ctms.Irb.Contracts;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Web;
using Ctms.Trials.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Irb.Features.Api;

/// <summary>
/// A trial's IRB approvals, lapsed ones included. The sponsor (tenant of the trial) sees them all; an IRB member or chair
/// sees those their IRB granted or reviewed, and is refused when their IRB has none (it is not involved in the trial).
/// Another organisation's or an unknown trial is a 404 for sponsors, so its existence is not disclosed.
/// </summary>
internal static class IrbApprovalsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/trials/{trialId:guid}/irb-approvals", async (Guid trialId, int? page, int? pageSize, IIrbQueries irb, ITrialsQueries trials,
                ICurrentUser user, HttpRequest http, CancellationToken ct) =>
            {
                if (!PageRequest.TryRead(page, pageSize, out var request, out var invalid))
                {
                    return invalid!;
                }

                var sponsorRole = user.ActsForSponsor();
                var irbRole = user.IsInRole(CtmsRoles.IrbMember) || user.IsInRole(CtmsRoles.IrbChair);
                if (!sponsorRole && !irbRole)
                {
                    return Refuse(Error.Forbidden("Only the trial's sponsor and members of its IRBs read its approvals."));
                }

                var trial = await trials.GetAsync(trialId, ct);
                if (trial is null)
                {
                    return Refuse(Error.NotFound("The trial"));
                }

                var sponsor = user.IsSponsorOf(trial.TenantId);
                var irbIds = user.IrbIds;
                var approvals = (await irb.ListApprovalsForTrialAsync(trialId, ct))
                    .Where(a => sponsor || irbIds.Contains(a.IrbId) || irbIds.Contains(a.ReviewingIrbId))
                    .OrderBy(a => a.ApprovedOn).ThenBy(a => a.IrbName, StringComparer.Ordinal)
                    .ToList();
                if (!sponsor && approvals.Count == 0)
                {
                    return Refuse(irbRole ? Error.Forbidden("Your IRB has no approval in this trial.") : Error.NotFound("The trial"));
                }

                return Results.Ok(PagedList<ApprovalRecord>.From(approvals, request, http));
            })
            .RequireAuthorization().WithTags("IRB")
            .WithName("ListTrialIrbApprovals")
            .WithSummary("A trial's IRB approvals (own and recognised, lapsed too) by approval date, paged.");
    }

    private static IResult Refuse(Error error) => Result.Failure<int>(error).ToHttpResult(_ => Results.Empty);
}
