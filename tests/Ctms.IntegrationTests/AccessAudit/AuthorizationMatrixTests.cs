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

    private static bool SiteStaff(string role, bool inScope) => role is CtmsRoles.Coordinator or CtmsRoles.Investigator && inScope;

    private static bool AdministratorOnly(string role, bool inScope) => role == CtmsRoles.Administrator;

    /// <summary>The declared table: "METHOD pattern" → (request to make for a site, who is allowed).</summary>
    private static readonly Dictionary<string, (Func<Guid, HttpRequestMessage> Request, Func<string, bool, bool> Allowed)> Rules = new()
    {
        ["GET /api/v1/sites/{siteId:guid}/subjects"] = (site => new(HttpMethod.Get, $"/api/v1/sites/{site}/subjects"), SiteStaff),
        ["GET /api/v1/sites/{siteId:guid}/subjects/{subjectId:guid}"] = (site => new(HttpMethod.Get, $"/api/v1/sites/{site}/subjects/{Guid.NewGuid()}"), SiteStaff),
        ["POST /api/v1/sites/{siteId:guid}/enrollments"] = (site => new(HttpMethod.Post, $"/api/v1/sites/{site}/enrollments"), SiteStaff),
        ["GET /admin/audit/export.csv"] = (_ => new(HttpMethod.Get, "/admin/audit/export.csv"), AdministratorOnly),
        ["GET /admin/audit/export.xml"] = (_ => new(HttpMethod.Get, "/admin/audit/export.xml"), AdministratorOnly),
        // Signing out is open to every signed-in person; it is checked last, as it ends the session.
        ["POST /account/logout"] = (_ => new(HttpMethod.Post, "/account/logout"), (_, _) => true),
    };

    /// <summary>Command handlers and the endpoint rule that exercises them.</summary>
    private static readonly Dictionary<string, string> HandlerRules = new()
    {
        ["EnrollSubjectHandler"] = "POST /api/v1/sites/{siteId:guid}/enrollments",
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
        Assert.All(HandlerRules.Values, rule => Assert.Contains(rule, Rules.Keys));

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
