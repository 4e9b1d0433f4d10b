using Ctms.Shared.Handlers;
using Ctms.Shared.Web;
using Ctms.Subjects.Features.Consent;
using Ctms.Subjects.Features.Deviations;
using Ctms.Subjects.Features.Eligibility;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.Randomization;
using Ctms.Subjects.Features.Safety;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Features.SiteSubjects;
using Ctms.Subjects.Features.Visits;
using Ctms.Subjects.Features.Withdrawal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Subjects.Features.Api;

/// <summary>
/// The site staff's subject commands. Subjects are addressed by their pseudonymous number at the site; direct
/// identifiers go in on screening and never come out of the API.
/// </summary>
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

        group.MapPost("/subjects", async (Guid siteId, ScreenRequest body, ICommandHandler<ScreenSubjectCommand, ScreenedSubject> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new ScreenSubjectCommand(siteId, body.ScreenedOn, body.FullName, body.BirthDate, body.Contact), ct))
                    .ToHttpResult(s => Results.Created($"/api/v1/sites/{siteId}/subjects/{s.SubjectId}", s)))
            .WithName("ScreenSubject")
            .WithSummary("Screen a candidate; the answer carries the subject number issued (site code + sequence).");

        group.MapPost("/subjects/{subjectNumber}/consents", async (Guid siteId, string subjectNumber, ConsentRequest body,
                    ICommandHandler<SignConsentCommand, ConsentRecorded> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new SignConsentCommand(siteId, subjectNumber, body.ConsentVersionId, body.SignedOn), ct)).ToHttpResult(Results.Ok))
            .WithName("SignConsent")
            .WithSummary("Record the consent version the subject signed and the date.");

        group.MapPost("/subjects/{subjectNumber}/eligibility", async (Guid siteId, string subjectNumber, EligibilityRequest body,
                    ICommandHandler<AssessEligibilityCommand, EligibilityAssessment> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new AssessEligibilityCommand(siteId, subjectNumber, body.Answers ?? new Dictionary<string, bool>(), body.AssessedOn), ct))
                    .ToHttpResult(Results.Ok))
            .WithName("AssessEligibility")
            .WithSummary("Assess eligibility against the protocol's inclusion/exclusion checklist (criterion → met/applies).");

        group.MapPost("/enrollments", async (Guid siteId, EnrollRequest body, ICommandHandler<EnrollSubjectCommand, EnrolledSubject> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new EnrollSubjectCommand(siteId, body.SubjectNumber ?? ""), ct))
                    .ToHttpResult(e => Results.Created($"/api/v1/sites/{siteId}/subjects/{e.SubjectId}", e)))
            .WithName("EnrollSubject")
            .WithSummary("Enroll a screened, consented, eligible subject of the site.");

        group.MapPost("/subjects/{subjectNumber}/randomization", async (Guid siteId, string subjectNumber, RandomizeRequest body,
                    ICommandHandler<RandomizeSubjectCommand, RandomizedSubject> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new RandomizeSubjectCommand(siteId, subjectNumber, body.StratificationFactors ?? new Dictionary<string, string>()), ct))
                    .ToHttpResult(Results.Ok))
            .WithName("RandomizeSubject")
            .WithSummary("Randomize an enrolled subject (stratified permuted blocks); the answer names the arm.");

        group.MapPost("/subjects/{subjectNumber}/visits/{visitName}/occurrence", async (Guid siteId, string subjectNumber, string visitName, VisitRequest body,
                    ICommandHandler<RecordVisitCommand, RecordedVisit> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new RecordVisitCommand(siteId, subjectNumber, visitName, body.OccurredOn, body.OutOfWindowReason), ct)).ToHttpResult(Results.Ok))
            .WithName("RecordVisit")
            .WithSummary("Record that a visit occurred; outside its window a reason is required and a deviation is raised.");

        group.MapPost("/subjects/{subjectNumber}/visits/{visitName}/missed", async (Guid siteId, string subjectNumber, string visitName, MissedRequest body,
                    ICommandHandler<MarkVisitMissedCommand, MissedVisit> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new MarkVisitMissedCommand(siteId, subjectNumber, visitName, body.Reason ?? ""), ct)).ToHttpResult(Results.Ok))
            .WithName("MarkVisitMissed")
            .WithSummary("Confirm a planned visit as missed, with the reason.");

        group.MapPost("/subjects/{subjectNumber}/adverse-events", async (Guid siteId, string subjectNumber, AdverseEventRequest body,
                    ICommandHandler<RecordAdverseEventCommand, RecordedAdverseEvent> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new RecordAdverseEventCommand(siteId, subjectNumber, body.Term ?? "", body.OnsetOn, body.Severity ?? "", body.Causality ?? "",
                    body.SeriousnessCriteria ?? [], body.AwareAt), ct)).ToHttpResult(Results.Ok))
            .WithName("RecordAdverseEvent")
            .WithSummary("Record an adverse event; with seriousness criteria it is an SAE reported against the trial's deadline.");

        group.MapPost("/deviations", async (Guid siteId, DeviationRequest body, ICommandHandler<RecordDeviationCommand, RecordedDeviation> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new RecordDeviationCommand(siteId, body.SubjectNumber, body.Category ?? "", body.Severity ?? "", body.Description ?? "",
                    body.OccurredOn, body.IdentifiedOn), ct)).ToHttpResult(Results.Ok))
            .WithName("RecordDeviation")
            .WithSummary("Record a protocol deviation by hand (of a subject, or of the site when no subject is named).");

        group.MapPost("/subjects/{subjectNumber}/withdrawal", async (Guid siteId, string subjectNumber, WithdrawRequest body,
                    ICommandHandler<WithdrawSubjectCommand, WithdrawnSubject> handler, CancellationToken ct) =>
                (await handler.HandleAsync(new WithdrawSubjectCommand(siteId, subjectNumber, body.Reason ?? "", body.WithdrawnOn), ct)).ToHttpResult(Results.Ok))
            .WithName("WithdrawSubject")
            .WithSummary("Withdraw a subject from any active state, with the reason.");
    }
}

internal sealed record ScreenRequest(DateOnly ScreenedOn, string? FullName, DateOnly? BirthDate, string? Contact);

internal sealed record ConsentRequest(Guid ConsentVersionId, DateOnly SignedOn);

internal sealed record EligibilityRequest(Dictionary<string, bool>? Answers, DateOnly AssessedOn);

internal sealed record EnrollRequest(string? SubjectNumber);

internal sealed record RandomizeRequest(Dictionary<string, string>? StratificationFactors);

internal sealed record VisitRequest(DateOnly OccurredOn, string? OutOfWindowReason);

internal sealed record MissedRequest(string? Reason);

internal sealed record AdverseEventRequest(string? Term, DateOnly OnsetOn, string? Severity, string? Causality, List<string>? SeriousnessCriteria, DateTimeOffset AwareAt);

internal sealed record DeviationRequest(string? SubjectNumber, string? Category, string? Severity, string? Description, DateOnly OccurredOn, DateOnly IdentifiedOn);

internal sealed record WithdrawRequest(string? Reason, DateOnly WithdrawnOn);
