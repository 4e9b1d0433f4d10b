using System.Net;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;

namespace Ctms.IntegrationTests.Foundation;

/// <summary>The handlers check scope themselves: the API refuses what the pages would not offer.</summary>
[Trait("Category", "Foundation")]
public sealed class AccessScopeTests
{
    [Fact]
    public async Task Without_sign_in_the_API_answers_401_with_problem_details_not_a_redirect()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.PostAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/enrollments", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_coordinator_cannot_enroll_or_list_subjects_at_another_site_and_nothing_is_written()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var seoul = await SignIn.AsAsync(app, "coordinator@demo.ctms");

        using var enroll = await SubjectJourney.PostEnrollmentAsync(seoul, DemoIds.SiteOncologyBusan, "PUS01-001");
        using var list = await seoul.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologyBusan}/subjects");

        Assert.Equal(HttpStatusCode.Forbidden, enroll.StatusCode);
        Assert.Contains("not on the staff of this site", await enroll.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(0, await app.SubjectsAtSiteAsync(DemoIds.SiteOncologyBusan));
    }

    [Fact]
    public async Task A_sponsor_cannot_enroll_subjects()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");

        using var enroll = await SubjectJourney.PostEnrollmentAsync(sponsor, DemoIds.SiteOncologySeoul, "SEL01-001");

        Assert.Equal(HttpStatusCode.Forbidden, enroll.StatusCode);
        Assert.Equal(0, await app.SubjectsAtSiteAsync(DemoIds.SiteOncologySeoul));
    }

    [Fact]
    public async Task An_enrolled_subject_is_readable_at_the_location_the_enrollment_returned()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");

        var number = await SubjectJourney.ReadyToEnrollAsync(app, coordinator, DemoIds.SiteOncologySeoul);
        using var created = await SubjectJourney.PostEnrollmentAsync(coordinator, DemoIds.SiteOncologySeoul, number);
        using var read = await coordinator.GetAsync(created.Headers.Location);
        using var missing = await coordinator.GetAsync($"/api/v1/sites/{DemoIds.SiteOncologySeoul}/subjects/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Contains("\"subjectNumber\":\"SEL01-001\"", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await SignIn.TrySignInAsync(client, "monitor@demo.ctms", "wrong-password-" + i);
            Assert.Contains("error=", wrong.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using var right = await SignIn.TrySignInAsync(client, "monitor@demo.ctms", CtmsAppFactory.DemoPassword);

        Assert.Contains("locked", Uri.UnescapeDataString(right.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }
}
