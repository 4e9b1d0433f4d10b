using System.Net.Http.Json;
using System.Net;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

/// <summary>
/// Every API endpoint and every endpoint that requires authorization (pages aside), and every command handler,
/// must have a rule here; each rule is checked for every role against an in-scope and an out-of-scope site.
/// A new endpoint or handler without a rule fails the test.
/// </summary>
[Trait("Category", "AccessAudit")]
public sealed class AuthorizationMatrixTests
{
    private static readonly Guid InScope = DemoIds.SiteOncologySeoul;   // SEL01: the site-based demo users work here
    private static readonly Guid OutOfScope = DemoIds.SiteOncologyBusan; // PUS01: none of them do

    private static readonly Dictionary<string, string> UserOf = new()
    {
        [CtmsRoles.Administrator] = "admin@demo.ctms",
        [CtmsRoles.Sponsor] = "sponsor@demo.ctms",
        [CtmsRoles.Coordinator] = "coordinator@demo.ctms",
        [CtmsRoles.Investigator] = "investigator@demo.ctms",
        [CtmsRoles.IrbMember] = "irb.member@demo.ctms",
        [CtmsRoles.IrbChair] = "irb.chair@demo.ctms",
        [CtmsRoles.Monitor] = "monitor@demo.ctms",
    };

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    private static bool SiteStaff(string role, bool inScope) => role is CtmsRoles.Coordinator or CtmsRoles.Investigator && inScope;

    private static bool AdministratorOnly(string role, bool inScope) => role == CtmsRoles.Administrator;

    /// <summary>Trials and reporting are the sponsor organisation's: its sponsor users and administrators (the demo trials are theirs).</summary>
    private static bool SponsorOrganisation(string role, bool inScope) => role is CtmsRoles.Sponsor or CtmsRoles.Administrator;

    private static bool IrbOfScope(string role, bool inScope) => role is CtmsRoles.IrbMember or CtmsRoles.IrbChair && inScope;

    /// <summary>The demo IRB people sit on the Seoul IRB, which governs the in-scope site's institution.</summary>
    private static Guid IrbOf(Guid site) => site == InScope ? DemoIds.IrbSeoul : DemoIds.IrbBusan;

    /// <summary>The declared table: "METHOD pattern" → (request to make for a site, who is allowed).</summary>
    private static readonly Dictionary<string, (Func<Guid, HttpRequestMessage> Request, Func<string, bool, bool> Allowed)> Rules = new()
    {
        ["GET /api/v1/sites/{siteId:guid}/subjects"] = (site => new(HttpMethod.Get, $"/api/v1/sites/{site}/subjects"), SiteStaff),
        ["GET /api/v1/sites/{siteId:guid}/subjects/{subjectId:guid}"] = (site => new(HttpMethod.Get, $"/api/v1/sites/{site}/subjects/{Guid.NewGuid()}"), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/enrollments"] = (site => Post($"/api/v1/sites/{site}/enrollments", new { subjectNumber = "X-999" }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects"] = (site => Post($"/api/v1/sites/{site}/subjects", new { screenedOn = Today }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/consents"] = (site => Post($"/api/v1/sites/{site}/subjects/X-999/consents",
            new { consentVersionId = DemoIds.ConsentOncologyV1English, signedOn = Today }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/eligibility"] = (site => Post($"/api/v1/sites/{site}/subjects/X-999/eligibility",
            new { answers = new Dictionary<string, bool>(), assessedOn = Today }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/randomization"] = (site => Post($"/api/v1/sites/{site}/subjects/X-999/randomization",
            new { stratificationFactors = new Dictionary<string, string>() }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/visits/{visitName}/occurrence"] = (site => Post(
            $"/api/v1/sites/{site}/subjects/X-999/visits/Baseline/occurrence", new { occurredOn = Today }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/visits/{visitName}/missed"] = (site => Post(
            $"/api/v1/sites/{site}/subjects/X-999/visits/Baseline/missed", new { reason = "Travel" }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/adverse-events"] = (site => Post($"/api/v1/sites/{site}/subjects/X-999/adverse-events",
            new { term = "Headache", onsetOn = Today, severity = "mild", causality = "possible", seriousnessCriteria = Array.Empty<string>(), awareAt = DateTimeOffset.UtcNow }),
            SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/deviations"] = (site => Post($"/api/v1/sites/{site}/deviations",
            new { subjectNumber = "X-999", category = "other", severity = "minor", description = "Matrix probe", occurredOn = Today, identifiedOn = Today }), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/withdrawal"] = (site => Post($"/api/v1/sites/{site}/subjects/X-999/withdrawal",
            new { reason = "Matrix probe", withdrawnOn = Today }), SiteStaff),
        ["GET /api/v1/irb/{irbId:guid}/public-key"] = (site => new(HttpMethod.Get, $"/api/v1/irb/{IrbOf(site)}/public-key"), IrbOfScope),
        // Whether an approval is in force is not confidential: every signed-in role may ask (sites plan on it).
        ["GET /api/v1/irb/approvals/in-force"] = (site => new(HttpMethod.Get,
            $"/api/v1/irb/approvals/in-force?institutionId={DemoIds.InstitutionSeoul}&trialId={DemoIds.TrialOncology}&protocolVersionId={DemoIds.ProtocolOncologyV1}"), (_, _) => true),
        ["GET /api/v1/trials/"] = (_ => new(HttpMethod.Get, "/api/v1/trials/"), SponsorOrganisation),
        ["GET /api/v1/trials/{trialId:guid}"] = (_ => new(HttpMethod.Get, $"/api/v1/trials/{DemoIds.TrialOncology}"), SponsorOrganisation),
        // No If-Match: an allowed caller gets 428 and nothing changes; a refused one 403 before the precondition is looked at.
        ["PUT /api/v1/trials/{trialId:guid}"] = (_ => new(HttpMethod.Put, $"/api/v1/trials/{DemoIds.TrialOncology}")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new
            {
                protocolNumber = "X-1", title = "t", phase = "phase-3", therapeuticArea = "x", targetEnrollment = 1, dayCountingConvention = "day-1",
                saeReportingHours = 24, allowOverEnrollment = false, arms = Array.Empty<object>(),
            }),
        }, SponsorOrganisation),
        // Site staff read their own sites of a trial (the list narrows to them), so the trial-wide list is open to them in and out of scope.
        ["GET /api/v1/trials/{trialId:guid}/sites"] = (_ => new(HttpMethod.Get, $"/api/v1/trials/{DemoIds.TrialOncology}/sites"),
            (role, inScope) => SponsorOrganisation(role, inScope) || role is CtmsRoles.Coordinator or CtmsRoles.Investigator),
        ["GET /api/v1/sites/{siteId:guid}"] = (site => new(HttpMethod.Get, $"/api/v1/sites/{site}"),
            (role, inScope) => SponsorOrganisation(role, inScope) || SiteStaff(role, inScope)),
        // Like the sites list: site staff read their own sites' subjects (the list narrows to them) in and out of scope.
        ["GET /api/v1/trials/{trialId:guid}/subjects"] = (_ => new(HttpMethod.Get, $"/api/v1/trials/{DemoIds.TrialOncology}/subjects"),
            (role, inScope) => SponsorOrganisation(role, inScope) || role is CtmsRoles.Coordinator or CtmsRoles.Investigator),
        // Roles that never read visits are refused before the subject is looked up; the subject scope is proved in SubjectsApiTests.
        ["GET /api/v1/subjects/{subjectId:guid}/visits"] = (_ => new(HttpMethod.Get, $"/api/v1/subjects/{Guid.NewGuid()}/visits"),
            (role, inScope) => SponsorOrganisation(role, inScope) || role is CtmsRoles.Coordinator or CtmsRoles.Investigator),
        // The demo IRB people sit on the Seoul IRB, which approved the demo trial: involved whatever the site.
        ["GET /api/v1/trials/{trialId:guid}/irb-approvals"] = (_ => new(HttpMethod.Get, $"/api/v1/trials/{DemoIds.TrialOncology}/irb-approvals"),
            (role, inScope) => SponsorOrganisation(role, inScope) || role is CtmsRoles.IrbMember or CtmsRoles.IrbChair),
        ["GET /api/v1/reporting/trials/{trialId:guid}/enrollment"] = (_ => new(HttpMethod.Get, $"/api/v1/reporting/trials/{DemoIds.TrialOncology}/enrollment"),
            SponsorOrganisation),
        // Starts a real (harmless) background export for an allowed caller; the job endpoints answer 404 for a job that is not theirs.
        ["POST /api/v1/reporting/trials/{trialId:guid}/exports/{format}"] = (_ => new(HttpMethod.Post, $"/api/v1/reporting/trials/{DemoIds.TrialOncology}/exports/fhir"),
            SponsorOrganisation),
        ["GET /api/v1/reporting/exports/{jobId:guid}"] = (_ => new(HttpMethod.Get, $"/api/v1/reporting/exports/{Guid.NewGuid()}"), SponsorOrganisation),
        ["GET /api/v1/reporting/exports/{jobId:guid}/file"] = (_ => new(HttpMethod.Get, $"/api/v1/reporting/exports/{Guid.NewGuid()}/file"), SponsorOrganisation),
        ["GET /admin/audit/export.csv"] = (_ => new(HttpMethod.Get, "/admin/audit/export.csv"), AdministratorOnly),
        ["GET /admin/audit/export.xml"] = (_ => new(HttpMethod.Get, "/admin/audit/export.xml"), AdministratorOnly),
        // Changing one's own password is open to every signed-in person (the handler acts on the caller only).
        ["POST /account/password"] = (_ => new(HttpMethod.Post, "/account/password"), (_, _) => true),
        // Signing out is open to every signed-in person; it is checked last, as it ends the session.
        ["POST /account/logout"] = (_ => new(HttpMethod.Post, "/account/logout"), (_, _) => true),
    };

    /// <summary>
    /// Command handlers and the rule that exercises them: an endpoint rule above, or (for handlers the API does not
    /// expose yet) "test:Class.Method", a test that runs the handler for in-scope and out-of-scope users.
    /// </summary>
    private static readonly Dictionary<string, string> HandlerRules = new()
    {
        ["EnrollSubjectHandler"] = "POST /api/v1/sites/{siteId:guid}/enrollments",
        ["ScreenSubjectHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects",
        ["SignConsentHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/consents",
        ["AssessEligibilityHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/eligibility",
        ["RandomizeSubjectHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/randomization",
        ["RecordVisitHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/visits/{visitName}/occurrence",
        ["MarkVisitMissedHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/visits/{visitName}/missed",
        ["RecordAdverseEventHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/adverse-events",
        ["RecordDeviationHandler"] = "POST /api/v1/sites/{siteId:guid}/deviations",
        ["WithdrawSubjectHandler"] = "POST /api/v1/sites/{siteId:guid}/subjects/{subjectNumber}/withdrawal",
        ["ReviewHandlers"] = "test:IrbScopeTests.Only_the_IRBs_own_members_review_and_only_its_chair_signs_decisions_agreements_and_local_reviews",
        ["SignDecisionHandler"] = "test:IrbScopeTests.Only_the_IRBs_own_members_review_and_only_its_chair_signs_decisions_agreements_and_local_reviews",
        ["AgreementHandlers"] = "test:IrbScopeTests.Only_the_IRBs_own_members_review_and_only_its_chair_signs_decisions_agreements_and_local_reviews",
        ["CompleteLocalReviewHandler"] = "test:IrbScopeTests.Only_the_IRBs_own_members_review_and_only_its_chair_signs_decisions_agreements_and_local_reviews",
        ["RegisterTrialHandler"] = "test:TenantScopeTests.Protocol_numbers_are_unique_per_tenant_not_globally_and_a_registered_trial_lands_in_its_tenant",
        ["EditTrialHandler"] = "PUT /api/v1/trials/{trialId:guid}",
        ["ChangeTrialStatusHandler"] = "test:TenantScopeTests.Another_tenants_sponsor_neither_sees_nor_changes_the_demo_trials_and_their_sites",
        ["ProtocolVersionHandlers"] = "test:TenantScopeTests.Another_tenants_sponsor_neither_sees_nor_changes_the_demo_trials_and_their_sites",
        ["CreateSiteHandler"] = "test:TenantScopeTests.Another_tenants_sponsor_neither_sees_nor_changes_the_demo_trials_and_their_sites",
        ["SiteActionHandlers"] = "test:TenantScopeTests.Another_tenants_sponsor_neither_sees_nor_changes_the_demo_trials_and_their_sites",
        ["UserAdministrationHandlers"] = "test:UserAdministrationTests.Only_administrators_invite_and_bad_input_changes_nothing",
        ["PasswordHandlers"] = "POST /account/password",
        ["ClientRegistrationHandlers"] = "test:ClientRegistrationTests.Only_administrators_register_clients_and_a_public_client_needs_pkce_and_redirect_uris",
        ["DelegationHandlers"] = "test:SiteActivationAndDelegationTests.CanPerform_needs_a_signed_entry_in_date_with_current_training",
        ["ReplaySiteMessageHandler"] = "test:GatewayTests.A_parked_message_rejected_for_a_gap_is_replayed_by_an_administrator_or_the_sites_coordinator_only",
    };

    [Fact]
    public async Task Every_endpoint_and_handler_has_a_rule_and_every_role_gets_exactly_what_the_rule_says()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)
            .Where(e => (e.RoutePattern.RawText ?? "").StartsWith("/api/", StringComparison.Ordinal) ||
                        e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().Order().ToList();
        Assert.Equal(Rules.Keys.Order(), endpoints);

        var handlers = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name!.StartsWith("Ctms.", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && !t.IsGenericTypeDefinition &&
                        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommandHandler<,>)))
            .Select(t => t.Name).Order().ToList();
        Assert.Equal(HandlerRules.Keys.Order(), handlers);
        Assert.All(HandlerRules.Values, rule =>
        {
            if (rule.StartsWith("test:", StringComparison.Ordinal))
            {
                var (type, method) = (rule[5..].Split('.')[0], rule[5..].Split('.')[1]);
                Assert.True(typeof(AuthorizationMatrixTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == type)?.GetMethod(method) is not null,
                    $"The rule {rule} names a test that does not exist.");
            }
            else
            {
                Assert.Contains(rule, Rules.Keys);
            }
        });

        var mismatches = new List<string>();
        foreach (var (role, email) in UserOf)
        {
            using var client = await SignIn.AsAsync(app, email);
            foreach (var (key, rule) in Rules.OrderBy(r => r.Key.Contains("logout", StringComparison.Ordinal)))
            {
                foreach (var inScope in new[] { true, false })
                {
                    using var request = rule.Request(inScope ? InScope : OutOfScope);
                    using var response = await client.SendAsync(request);
                    var allowed = Allowed(response);
                    if (allowed != rule.Allowed(role, inScope))
                    {
                        mismatches.Add($"{role} {(inScope ? "in" : "out of")} scope, {key}: {(int)response.StatusCode} {response.Headers.Location}");
                    }

                    if (key.Contains("logout", StringComparison.Ordinal))
                    {
                        break; // signed out now
                    }
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    /// <summary>Refusals are 401/403 on the API and a redirect to the sign-in page elsewhere.</summary>
    private static bool Allowed(HttpResponseMessage response) =>
        response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) &&
        !(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login", StringComparison.Ordinal) == true &&
          !response.RequestMessage!.RequestUri!.AbsolutePath.Contains("logout", StringComparison.Ordinal));
}
