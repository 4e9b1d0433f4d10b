using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.Access;
using Ctms.Reporting.Features.Exports;
using Ctms.Reporting.Features.TrialDashboard;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Contracts;
using Ctms.Shared.Handlers;
using Ctms.Shared.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Reporting.Features.Api;

/// <summary>One site's enrollment figures in the API (no subject-level data).</summary>
internal sealed record SiteEnrollmentResource(Guid SiteId, string SiteCode, string Status, int Target, SiteMetrics Metrics);

internal sealed record TrialEnrollmentResource(
    Guid TrialId,
    string ProtocolNumber,
    int Target,
    int Enrolled,
    DateOnly AsOf,
    IReadOnlyList<SiteEnrollmentResource> Sites,
    IReadOnlyList<DailyEnrollment> Daily,
    IReadOnlyList<ArmCount> Arms);

internal static class ReportingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reporting").WithTags("Reporting").RequireAuthorization();

        group.MapGet("/trials/{trialId:guid}/enrollment", async (Guid trialId, Guid? siteId, IQueryHandler<TrialDashboardQuery, TrialDashboard.TrialDashboard> load,
                IReportingQueries reporting, CancellationToken ct) =>
            {
                var result = await load.HandleAsync(new TrialDashboardQuery(trialId, siteId), ct);
                if (result.IsFailure)
                {
                    return result.ToHttpResult(_ => Results.Empty);
                }

                var d = result.Value;
                var daily = await reporting.DailyEnrollmentAsync(trialId, ct);
                return Results.Ok(new TrialEnrollmentResource(d.Trial.Id, d.Trial.ProtocolNumber, d.Trial.TargetEnrollment, d.Enrolled, d.Today,
                    d.Sites.Where(s => siteId is null || s.Site.Id == siteId)
                        .Select(s => new SiteEnrollmentResource(s.Site.Id, s.Site.Code, s.Site.Status, s.Site.TargetEnrollment, s.Metrics)).ToList(),
                    daily, d.Arms));
            })
            .WithName("TrialEnrollmentMetrics")
            .WithSummary("Enrollment metrics of one of your organisation's trials from the reporting read model, per site (filter with siteId) and per day.");

        group.MapPost("/trials/{trialId:guid}/exports/{format}", async (Guid trialId, string format, ITrialsQueries trials, ICurrentUser user,
                ExportJobs jobs, CancellationToken ct) =>
            {
                var access = await ReportingAccess.TrialAsync(user, trials, trialId, ct);
                if (access.IsFailure)
                {
                    return access.ToHttpResult(_ => Results.Empty);
                }

                if (!ExportJobs.Formats.Contains(format))
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"format is one of {string.Join(", ", ExportJobs.Formats)}."] },
                        title: "The request is not valid.");
                }

                var job = await jobs.StartAsync(trialId, format, user, ct);
                return Results.Accepted($"/api/v1/reporting/exports/{job.Id}", Describe(job));
            })
            .WithName("StartTrialExport")
            .WithSummary("Queue a background export of a trial: fhir (HL7 FHIR R4 Bundle) or odm (CDISC ODM 1.3.2). 202 with the job to poll; it survives restarts.");

        group.MapGet("/exports/{jobId:guid}", async (Guid jobId, ICurrentUser user, ExportJobs jobs, CancellationToken ct) =>
                (await JobAsync(jobId, user, jobs, ct)).ToHttpResult(job => Results.Ok(Describe(job))))
            .WithName("TrialExportStatus")
            .WithSummary("An export job you started: status (queued, running, done, failed), progress 0…1 and, when done, the file's link until it expires.");

        group.MapGet("/exports/{jobId:guid}/file", async (Guid jobId, ICurrentUser user, ExportJobs jobs, CancellationToken ct) =>
            {
                var job = await JobAsync(jobId, user, jobs, ct);
                if (job.IsFailure || job.Value.Status != Domain.ExportJob.Done)
                {
                    return job.ToHttpResult(j => Results.Problem(title: "Refused",
                        detail: $"The export is {j.Status}{(j.Error is null ? "" : ": " + j.Error)}.", statusCode: 409));
                }

                Result<ExportDownload> download = await jobs.DownloadAsync(jobId, user, ct) is { } file ? file : Error.NotFound("The export");
                return download.ToHttpResult(f => Results.File(f.Content, f.ContentType, f.FileName));
            })
            .WithName("TrialExportFile")
            .WithSummary("The exported file of a finished job you started (409 while it is queued or runs, or after it failed; 404 once expired).");
    }

    private static async Task<Result<ExportJobView>> JobAsync(Guid jobId, ICurrentUser user, ExportJobs jobs, CancellationToken ct) =>
        ReportingAccess.Check(user) is { } denied
            ? denied
            : await jobs.FindAsync(jobId, user, ct) is { } job ? job : Error.NotFound("The export");

    private static object Describe(ExportJobView job) => new
    {
        job.Id,
        job.TrialId,
        job.Format,
        job.Status,
        job.Progress,
        job.Error,
        job.CreatedAt,
        job.FinishedAt,
        job.ExpiresAt,
        File = job.Status == Domain.ExportJob.Done ? $"/api/v1/reporting/exports/{job.Id}/file" : null,
    };
}
