using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Web;
using Ctms.Trials.Contracts;
using Ctms.Trials.Features.Access;
using Ctms.Trials.Features.EditTrial;
using Ctms.Trials.Features.RegisterTrial;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Trials.Features.Api;

/// <summary>A trial as the API shows it (the sponsor's own trials only).</summary>
internal sealed record TrialResource(
    Guid Id,
    string ProtocolNumber,
    string? RegistryId,
    string Title,
    string Phase,
    string TherapeuticArea,
    string Status,
    int TargetEnrollment,
    bool AllowOverEnrollment,
    string DayCountingConvention,
    int SaeReportingHours,
    IReadOnlyList<TrialArmDto> Arms,
    int Version);

/// <summary>The editable fields of a trial (PUT replaces them all; arms are matched by name).</summary>
internal sealed record TrialUpdate(
    string ProtocolNumber,
    string? RegistryId,
    string Title,
    string Phase,
    string TherapeuticArea,
    int TargetEnrollment,
    string DayCountingConvention,
    int SaeReportingHours,
    bool AllowOverEnrollment,
    IReadOnlyList<ArmInput> Arms);

internal static class TrialsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/trials").WithTags("Trials").RequireAuthorization();

        group.MapGet("/", async (string? status, string? q, int? page, int? pageSize, ITrialsQueries trials, ICurrentUser user, HttpRequest http,
                CancellationToken ct) =>
            {
                if (!PageRequest.TryRead(page, pageSize, out var request, out var invalid))
                {
                    return invalid!;
                }

                if (SponsorAccess.Check(user) is { } denied)
                {
                    return Result.Failure<int>(denied).ToHttpResult(_ => Results.Empty);
                }

                var list = (await trials.ListForTenantAsync(user.TenantId!, ct))
                    .Where(t => status is null || t.Status == status)
                    .Where(t => string.IsNullOrWhiteSpace(q) || t.ProtocolNumber.Contains(q, StringComparison.OrdinalIgnoreCase) ||
                                t.Title.Contains(q, StringComparison.OrdinalIgnoreCase))
                    .Select(t => ToResource(t, []))
                    .ToList();
                return Results.Ok(PagedList<TrialResource>.From(list, request, http));
            })
            .WithName("ListTrials")
            .WithSummary("Your organisation's trials, by protocol number; filter by FHIR status and text (protocol number or title). Arms are omitted here.");

        group.MapGet("/{trialId:guid}", async (Guid trialId, ITrialsQueries trials, ICurrentUser user, HttpContext http, CancellationToken ct) =>
            {
                var found = await FindAsync(trialId, trials, user, ct);
                return found.IsSuccess
                    ? ETags.OkWithETag(http, ToResource(found.Value, await trials.GetArmsAsync(trialId, ct)), found.Value.Version)
                    : found.ToHttpResult(_ => Results.Empty);
            })
            .WithName("GetTrial")
            .WithSummary("One trial of your organisation, with its ETag (send it back in If-Match to update).");

        group.MapPut("/{trialId:guid}", async (Guid trialId, TrialUpdate body, ITrialsQueries trials, ICurrentUser user,
                ICommandHandler<EditTrialCommand, Guid> edit, HttpContext http, CancellationToken ct) =>
            {
                var found = await FindAsync(trialId, trials, user, ct);
                if (found.IsFailure)
                {
                    return found.ToHttpResult(_ => Results.Empty);
                }

                if (!ETags.TryReadIfMatch(http.Request, out var version, out var precondition))
                {
                    return precondition!;
                }

                var details = new TrialDetailsInput(body.ProtocolNumber ?? "", body.RegistryId, body.Title ?? "", body.Phase ?? "", body.TherapeuticArea ?? "",
                    body.TargetEnrollment, body.DayCountingConvention ?? "", body.SaeReportingHours, body.AllowOverEnrollment, body.Arms ?? []);
                var result = await edit.HandleAsync(new EditTrialCommand(trialId, details) { ExpectedVersion = version }, ct);
                if (result.IsFailure)
                {
                    return result.ToHttpResult(_ => Results.Empty);
                }

                var updated = (await trials.GetAsync(trialId, ct))!;
                return ETags.OkWithETag(http, ToResource(updated, await trials.GetArmsAsync(trialId, ct)), updated.Version);
            })
            .WithName("UpdateTrial")
            .WithSummary("Replace a trial's descriptive fields. Requires If-Match with the trial's ETag: 428 without it, 412 when stale.");
    }

    private static async Task<Result<TrialSummary>> FindAsync(Guid trialId, ITrialsQueries trials, ICurrentUser user, CancellationToken ct)
    {
        if (SponsorAccess.Check(user) is { } denied)
        {
            return denied;
        }

        var trial = await trials.GetAsync(trialId, ct);
        return trial is null || trial.TenantId != user.TenantId ? Error.NotFound("The trial") : trial;
    }

    private static TrialResource ToResource(TrialSummary t, IReadOnlyList<TrialArmDto> arms) =>
        new(t.Id, t.ProtocolNumber, t.RegistryId, t.Title, t.Phase, t.TherapeuticArea, t.Status, t.TargetEnrollment, t.AllowOverEnrollment,
            t.DayCountingConvention, t.SaeReportingHours, arms, t.Version);
}
