using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>The read-only sites API follows the trials API's conventions: paging with total and links, ETags, problem details, scope.</summary>
[Trait("Category", "Reporting")]
public sealed class SitesApiTests
{
    private static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_trials_sites_page_with_total_and_links_filter_by_status_and_narrow_to_site_staffs_own()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        using var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        var url = $"/api/v1/trials/{DemoIds.TrialOncology}/sites";

        var all = await sponsor.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(new[] { "PUS01", "SEL01" }, all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("code").GetString() ?? "").ToArray());

        var first = await sponsor.GetFromJsonAsync<JsonElement>($"{url}?pageSize=1");
        Assert.Equal(1, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, first.GetProperty("total").GetInt32());
        Assert.Equal($"{url}?page=2&pageSize=1", first.GetProperty("links").GetProperty("next").GetString());
        Assert.Equal($"{url}?page=2&pageSize=1", first.GetProperty("links").GetProperty("last").GetString());

        var seoulStatus = all.GetProperty("items").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "SEL01").GetProperty("status").GetString();
        var byStatus = await sponsor.GetFromJsonAsync<JsonElement>($"{url}?status={seoulStatus}");
        Assert.All(byStatus.GetProperty("items").EnumerateArray(), s => Assert.Equal(seoulStatus, s.GetProperty("status").GetString()));
        Assert.Contains(byStatus.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == DemoIds.SiteOncologySeoul);
        var unknownStatus = await sponsor.GetAsync($"{url}?status=open");
        Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
        Assert.True((await unknownStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));

        // The coordinator works at SEL01 only: Busan is not listed to them.
        var own = await coordinator.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(DemoIds.SiteOncologySeoul, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_site_reads_with_its_ETag_and_refusals_are_problem_details()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        using var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        using var irb = await SignIn.AsAsync(app, "irb.member@demo.ctms");
        var url = $"/api/v1/sites/{DemoIds.SiteOncologySeoul}";

        using var read = await sponsor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var site = await read.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("SEL01", site.GetProperty("code").GetString());
        Assert.Equal(DemoIds.TrialOncology, site.GetProperty("trialId").GetGuid());
        Assert.Equal($"\"v{site.GetProperty("version").GetInt32()}\"", read.Headers.ETag!.Tag);
        using (var conditional = new HttpRequestMessage(HttpMethod.Get, url))
        {
            conditional.Headers.IfNoneMatch.Add(read.Headers.ETag);
            Assert.Equal(HttpStatusCode.NotModified, (await sponsor.SendAsync(conditional)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(url)).StatusCode);
        await ProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized);
        await ProblemAsync(await anonymous.GetAsync($"/api/v1/trials/{DemoIds.TrialOncology}/sites"), HttpStatusCode.Unauthorized);
        await ProblemAsync(await coordinator.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologyBusan}"), HttpStatusCode.Forbidden);
        await ProblemAsync(await irb.GetAsync(url), HttpStatusCode.Forbidden);
        await ProblemAsync(await irb.GetAsync($"/api/v1/trials/{DemoIds.TrialOncology}/sites"), HttpStatusCode.Forbidden);
        await ProblemAsync(await sponsor.GetAsync($"/api/v1/sites/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAsync(await sponsor.GetAsync($"/api/v1/trials/{Guid.NewGuid()}/sites"), HttpStatusCode.NotFound);
        await ProblemAsync(await coordinator.GetAsync($"/api/v1/trials/{Guid.NewGuid()}/sites"), HttpStatusCode.NotFound);
    }
}
