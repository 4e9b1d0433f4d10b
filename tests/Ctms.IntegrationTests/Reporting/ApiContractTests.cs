using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>The REST conventions: pagination with total and links, ETags and If-Match, problem details for every error.</summary>
[Trait("Category", "Reporting")]
public sealed class ApiContractTests
{
    /// <summary>The trial as read, with another title.</summary>
    private static object Update(JsonElement t, string title) => new
    {
        protocolNumber = t.GetProperty("protocolNumber").GetString(), registryId = t.GetProperty("registryId").GetString(), title,
        phase = t.GetProperty("phase").GetString(), therapeuticArea = t.GetProperty("therapeuticArea").GetString(),
        targetEnrollment = t.GetProperty("targetEnrollment").GetInt32(), dayCountingConvention = t.GetProperty("dayCountingConvention").GetString(),
        saeReportingHours = t.GetProperty("saeReportingHours").GetInt32(), allowOverEnrollment = t.GetProperty("allowOverEnrollment").GetBoolean(),
        arms = t.GetProperty("arms").EnumerateArray().Select(a => new
        {
            name = a.GetProperty("name").GetString(), type = a.GetProperty("type").GetString(), allocationRatio = a.GetProperty("allocationRatio").GetInt32(),
        }).ToArray(),
    };

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    [Fact]
    public async Task Trials_list_pages_with_total_and_links_and_refuses_a_bad_page_size()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");

        var all = await sponsor.GetFromJsonAsync<JsonElement>("/api/v1/trials/");
        var total = all.GetProperty("total").GetInt32();
        Assert.True(total >= 2);

        var first = await sponsor.GetFromJsonAsync<JsonElement>("/api/v1/trials/?pageSize=1&page=1");
        Assert.Equal(1, first.GetProperty("items").GetArrayLength());
        Assert.Equal(total, first.GetProperty("total").GetInt32());
        var next = first.GetProperty("links").GetProperty("next").GetString();
        Assert.Equal("/api/v1/trials/?page=2&pageSize=1", next);
        Assert.Equal(JsonValueKind.Null, first.GetProperty("links").GetProperty("previous").ValueKind);
        var second = await sponsor.GetFromJsonAsync<JsonElement>(next);
        Assert.NotEqual(first.GetProperty("items")[0].GetProperty("id").GetGuid(), second.GetProperty("items")[0].GetProperty("id").GetGuid());

        var filtered = await sponsor.GetFromJsonAsync<JsonElement>("/api/v1/trials/?q=no-such-trial-anywhere");
        Assert.Equal(0, filtered.GetProperty("total").GetInt32());

        var bad = await ProblemAsync(await sponsor.GetAsync("/api/v1/trials/?pageSize=0"), HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task A_trial_update_needs_the_current_ETag_in_If_Match()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        var url = $"/api/v1/trials/{DemoIds.TrialOncology}";

        using var read = await sponsor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var etag = read.Headers.ETag!;
        var original = await read.Content.ReadFromJsonAsync<JsonElement>();

        using (var conditional = new HttpRequestMessage(HttpMethod.Get, url))
        {
            conditional.Headers.IfNoneMatch.Add(etag);
            Assert.Equal(HttpStatusCode.NotModified, (await sponsor.SendAsync(conditional)).StatusCode);
        }

        await ProblemAsync(await sponsor.PutAsJsonAsync(url, Update(original, "Renamed without a precondition")), (HttpStatusCode)428);

        using (var stale = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Update(original, "Renamed from a stale copy")) })
        {
            stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"v999\""));
            await ProblemAsync(await sponsor.SendAsync(stale), HttpStatusCode.PreconditionFailed);
        }

        using (var invalid = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Update(original, "")) })
        {
            invalid.Headers.IfMatch.Add(etag);
            var problem = await ProblemAsync(await sponsor.SendAsync(invalid), HttpStatusCode.BadRequest);
            Assert.Contains("Details.Title", problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        }

        Assert.Equal(original.GetProperty("title").GetString(), (await sponsor.GetFromJsonAsync<JsonElement>(url)).GetProperty("title").GetString());

        using var good = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Update(original, "Renamed properly")) };
        good.Headers.IfMatch.Add(etag);
        using var updated = await sponsor.SendAsync(good);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag);
        Assert.Equal("Renamed properly", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        using var replay = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(Update(original, "Lost update")) };
        replay.Headers.IfMatch.Add(etag);
        await ProblemAsync(await sponsor.SendAsync(replay), HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Every_refusal_is_problem_details_401_403_404()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");

        await ProblemAsync(await anonymous.GetAsync("/api/v1/trials/"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await coordinator.GetAsync("/api/v1/trials/"), HttpStatusCode.Forbidden);
        await ProblemAsync(await coordinator.GetAsync($"/api/v1/reporting/trials/{DemoIds.TrialOncology}/enrollment"), HttpStatusCode.Forbidden);
        await ProblemAsync(await sponsor.GetAsync($"/api/v1/trials/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAsync(await sponsor.GetAsync($"/api/v1/reporting/trials/{Guid.NewGuid()}/enrollment"), HttpStatusCode.NotFound);

        var metrics = await sponsor.GetFromJsonAsync<JsonElement>($"/api/v1/reporting/trials/{DemoIds.TrialOncology}/enrollment");
        Assert.Contains(metrics.GetProperty("sites").EnumerateArray(), s => s.GetProperty("siteId").GetGuid() == DemoIds.SiteOncologySeoul);
        Assert.DoesNotContain("subjectNumber", metrics.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_FHIR_export_runs_in_the_background_and_only_its_requester_downloads_it()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        using var admin = await SignIn.AsAsync(app, "admin@demo.ctms");

        using var started = await sponsor.PostAsync($"/api/v1/reporting/trials/{DemoIds.TrialOncology}/exports/fhir", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var job = started.Headers.Location!.OriginalString;
        await ProblemAsync(await sponsor.PostAsync($"/api/v1/reporting/trials/{DemoIds.TrialOncology}/exports/pdf", null), HttpStatusCode.BadRequest);

        var done = await Eventually.Until(() => sponsor.GetFromJsonAsync<JsonElement>(job), j => j.GetProperty("status").GetString() is "done" or "failed", "the export to finish");
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(1.0, done.GetProperty("progress").GetDouble());

        using var file = await sponsor.GetAsync(done.GetProperty("file").GetString());
        Assert.Equal("application/fhir+json", file.Content.Headers.ContentType?.MediaType);
        var bundle = await file.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bundle", bundle.GetProperty("resourceType").GetString());
        Assert.Contains(bundle.GetProperty("entry").EnumerateArray(), e => e.GetProperty("resource").GetProperty("id").GetString() == DemoIds.TrialOncology.ToString());

        // Another person of the same organisation does not get someone else's export.
        await ProblemAsync(await admin.GetAsync(job), HttpStatusCode.NotFound);
    }
}
