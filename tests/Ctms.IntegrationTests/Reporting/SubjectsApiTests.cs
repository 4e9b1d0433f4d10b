using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>The read-only subjects API: pseudonymous rows, paging and filters, visits with today's state, scope as in the UI.</summary>
[Trait("Category", "Reporting")]
public sealed class SubjectsApiTests
{
    private static readonly string[] IdentifyingOrBlindedFields = ["fullName", "name", "birthDate", "contact", "identifiers", "armId", "armName"];

    private static readonly string[] VisitStates =
        ["occurred", "missed", "not-applicable", "overdue", "not-yet-open", "open-before-target", "open-after-target"];

    private static async Task ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_trials_subjects_are_pseudonymous_paged_filtered_and_scoped_and_visits_carry_todays_state()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        using var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        using var busan = await SignIn.AsAsync(app, "coordinator.busan@demo.ctms");
        using var irb = await SignIn.AsAsync(app, "irb.member@demo.ctms");
        var enrolled = await SubjectJourney.EnrollAsync(app, coordinator, DemoIds.SiteOncologySeoul);
        var screened = await SubjectJourney.ScreenAsync(coordinator, DemoIds.SiteOncologySeoul);
        var url = $"/api/v1/trials/{DemoIds.TrialOncology}/subjects";

        var all = await sponsor.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var numbers = all.GetProperty("items").EnumerateArray().Select(s => s.GetProperty("subjectNumber").GetString()).ToList();
        Assert.Equal(new[] { enrolled.SubjectNumber, screened }.Order(StringComparer.Ordinal), numbers);
        Assert.All(all.GetProperty("items").EnumerateArray(), s =>
            Assert.DoesNotContain(s.EnumerateObject(), p => IdentifyingOrBlindedFields.Contains(p.Name)));

        var onStudy = await sponsor.GetFromJsonAsync<JsonElement>($"{url}?status=on-study");
        Assert.Equal(enrolled.SubjectId, Assert.Single(onStudy.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var page = await sponsor.GetFromJsonAsync<JsonElement>($"{url}?pageSize=1");
        Assert.Equal(1, page.GetProperty("items").GetArrayLength());
        Assert.Equal($"{url}?page=2&pageSize=1", page.GetProperty("links").GetProperty("next").GetString());
        var atBusan = await sponsor.GetFromJsonAsync<JsonElement>($"{url}?siteId={DemoIds.SiteOncologyBusan}");
        Assert.Equal(0, atBusan.GetProperty("total").GetInt32());
        using (var unknownStatus = await sponsor.GetAsync($"{url}?status=enrolled"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, unknownStatus.StatusCode);
            Assert.True((await unknownStatus.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _));
        }

        // Busan's coordinator sees none of Seoul's subjects and may not read their visits.
        Assert.Equal(0, (await busan.GetFromJsonAsync<JsonElement>(url)).GetProperty("total").GetInt32());
        var visitsUrl = $"/api/v1/subjects/{enrolled.SubjectId}/visits";
        await ProblemAsync(await busan.GetAsync(visitsUrl), HttpStatusCode.Forbidden);

        var visits = (await coordinator.GetFromJsonAsync<JsonElement>(visitsUrl)).EnumerateArray().ToList();
        Assert.NotEmpty(visits);
        Assert.Equal(visits.Select(v => v.GetProperty("order").GetInt32()).Order(), visits.Select(v => v.GetProperty("order").GetInt32()));
        Assert.All(visits, v => Assert.Contains(v.GetProperty("state").GetString(), VisitStates));
        Assert.Equal(visits.Count, (await sponsor.GetFromJsonAsync<JsonElement>(visitsUrl)).GetArrayLength());

        await ProblemAsync(await anonymous.GetAsync(url), HttpStatusCode.Unauthorized);
        await ProblemAsync(await irb.GetAsync(url), HttpStatusCode.Forbidden);
        await ProblemAsync(await irb.GetAsync(visitsUrl), HttpStatusCode.Forbidden);
        await ProblemAsync(await sponsor.GetAsync($"/api/v1/trials/{Guid.NewGuid()}/subjects"), HttpStatusCode.NotFound);
        await ProblemAsync(await sponsor.GetAsync($"/api/v1/subjects/{Guid.NewGuid()}/visits"), HttpStatusCode.NotFound);
    }
}
