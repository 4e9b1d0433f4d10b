using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>A trial's IRB approvals through the API: the sponsor sees them all, IRB members their IRB's, others nothing.</summary>
[Trait("Category", "Reporting")]
public sealed class IrbApprovalsApiTests
{
    [Fact]
    public async Task The_sponsor_and_the_involved_IRB_read_a_trials_approvals_and_others_are_refused_with_problem_details()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        using var irb = await SignIn.AsAsync(app, "irb.member@demo.ctms");
        using var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        var url = $"/api/v1/trials/{DemoIds.TrialOncology}/irb-approvals";

        var all = await sponsor.GetFromJsonAsync<JsonElement>(url);
        Assert.True(all.GetProperty("total").GetInt32() >= 1);
        Assert.All(all.GetProperty("items").EnumerateArray(), a => Assert.Equal(DemoIds.TrialOncology, a.GetProperty("trialId").GetGuid()));
        var paged = await sponsor.GetFromJsonAsync<JsonElement>($"{url}?pageSize=1");
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        Assert.Equal(all.GetProperty("total").GetInt32(), paged.GetProperty("total").GetInt32());

        var theirs = await irb.GetFromJsonAsync<JsonElement>(url);
        Assert.True(theirs.GetProperty("total").GetInt32() >= 1);
        Assert.All(theirs.GetProperty("items").EnumerateArray(), a =>
            Assert.Contains(DemoIds.IrbSeoul, new[] { a.GetProperty("irbId").GetGuid(), a.GetProperty("reviewingIrbId").GetGuid() }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);
        var refused = await coordinator.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var missing = await sponsor.GetAsync($"/api/v1/trials/{Guid.NewGuid()}/irb-approvals");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
