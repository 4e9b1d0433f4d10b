using Ctms.Irb.Contracts;
using Ctms.Irb.Features.Access;
using Ctms.Irb.Features.Signing;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Irb.Features.Api;

internal static class IrbEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        IrbApprovalsEndpoints.Map(app);
        var group = app.MapGroup("/api/v1/irb").WithTags("IRB").RequireAuthorization();

        group.MapGet("/approvals/in-force", async (Guid institutionId, Guid trialId, Guid protocolVersionId, DateOnly? date,
                IIrbQueries irb, TimeProvider clock, CancellationToken ct) =>
                Results.Ok(await irb.ApprovalInForceAsync(institutionId, trialId, protocolVersionId, date ?? clock.Today(), ct)))
            .WithName("IrbApprovalInForce")
            .WithSummary("The IRB approval (own or recognised) in force at an institution for a protocol version, or why none.");

        group.MapGet("/{irbId:guid}/public-key", async (Guid irbId, IrbKeyRing keys, ICurrentUser user, CancellationToken ct) =>
                (IrbAccess.Member(user, irbId) is { } denied
                    ? Result.Failure<string>(denied)
                    : Result.Success(await keys.PublicKeyAsync(irbId, ct)))
                .ToHttpResult(key => Results.Ok(new { irbId, algorithm = "ECDSA P-256", publicKey = key })))
            .WithName("IrbPublicKey")
            .WithSummary("The IRB's public key (SubjectPublicKeyInfo, base64) that partner centers record in their agreement.");
    }
}
