using Ctms.Shared.Handlers;
using Ctms.Shared.Web;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.SiteSubjects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Subjects.Features.Api;

internal static class SubjectsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sites/{siteId:guid}").WithTags("Subjects").RequireAuthorization();

        group.MapGet("/subjects", async (Guid siteId, IQueryHandler<SiteSubjectsQuery, SiteSubjectsView> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SiteSubjectsQuery(siteId), ct)).ToHttpResult(v => Results.Ok(v.Subjects)))
            .WithName("ListSiteSubjects")
            .WithSummary("Pseudonymous subjects of a site the caller works at.");

        group.MapGet("/subjects/{subjectId:guid}", async (Guid siteId, Guid subjectId, IQueryHandler<SiteSubjectsQuery, SiteSubjectsView> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SiteSubjectsQuery(siteId), ct)).ToHttpResult(v =>
                    v.Subjects.SingleOrDefault(s => s.Id == subjectId) is { } subject ? Results.Ok(subject) : Results.Problem(statusCode: 404, title: "Not found", detail: "The subject was not found at this site.")))
            .WithName("GetSiteSubject")
            .WithSummary("One pseudonymous subject of a site the caller works at.");

        group.MapPost("/enrollments", async (Guid siteId, ICommandHandler<EnrollSubjectCommand, EnrolledSubject> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new EnrollSubjectCommand(siteId), ct))
                    .ToHttpResult(e => Results.Created($"/api/v1/sites/{siteId}/subjects/{e.SubjectId}", e)))
            .WithName("EnrollSubject")
            .WithSummary("Enroll a subject at the site; the answer carries the assigned subject number.");
    }
}
