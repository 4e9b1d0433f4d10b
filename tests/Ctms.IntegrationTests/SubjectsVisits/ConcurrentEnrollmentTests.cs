using System.Net;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Sites.Persistence;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SubjectsVisits;

/// <summary>
/// Sixteen coordinators enroll at once at a site with room for ten: the counters queue the enrollments in the database
/// (ADR 0020), so exactly ten are enrolled, six are refused because the target is reached, none gives up as "busy", and
/// the counters equal the enrolled subject rows.
/// </summary>
[Trait("Category", "SubjectsVisits")]
public sealed class ConcurrentEnrollmentTests
{
    private const int Target = 10;
    private const int Callers = 16;
    private static readonly Guid Site = DemoIds.SiteOncologySeoul;
    private static readonly Guid Trial = DemoIds.TrialOncology;

    [Fact]
    public async Task Sqlite_sixteen_concurrent_enrollments_at_a_site_with_room_for_ten_enroll_ten_and_refuse_six_clearly()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await SixteenEnrollAtOnceAsync(backend);
    }

    [PostgresRabbitFact]
    public async Task Postgres_sixteen_concurrent_enrollments_at_a_site_with_room_for_ten_enroll_ten_and_refuse_six_clearly()
    {
        await using var backend = await TestBackend.PostgresRabbitAsync();
        await SixteenEnrollAtOnceAsync(backend);
    }

    private static async Task SixteenEnrollAtOnceAsync(TestBackend backend)
    {
        await using var app = new CtmsAppFactory(backend);
        var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        await SetSiteTargetAsync(app, Target);
        var ready = new List<string>();
        for (var i = 0; i < Callers; i++)
        {
            ready.Add(await SubjectJourney.ReadyToEnrollAsync(app, coordinator, Site));
        }

        var responses = await Task.WhenAll(ready.Select(number => SubjectJourney.PostEnrollmentAsync(coordinator, Site, number)));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.Equal(Target, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Select((r, i) => (r.StatusCode, Body: bodies[i])).Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(Callers - Target, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains($"has reached its enrollment target of {Target}", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("busy", r.Body, StringComparison.OrdinalIgnoreCase);
        });

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubjectsDbContext>();
        var enrolledAtSite = await db.Subjects.CountAsync(s => s.SiteId == Site && s.EnrolledAt != null);
        var enrolledInTrial = await db.Subjects.CountAsync(s => s.TrialId == Trial && s.EnrolledAt != null);
        Assert.Equal(Target, enrolledAtSite);
        Assert.Equal(enrolledAtSite, await db.SiteCounters.Where(c => c.SiteId == Site).Select(c => c.Enrolled).SingleAsync());
        Assert.Equal(enrolledInTrial, await db.TrialCounters.Where(c => c.TrialId == Trial).Select(c => c.Enrolled).SingleAsync());
    }

    private static async Task SetSiteTargetAsync(CtmsAppFactory app, int target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<SitesDbContext>().Sites.Where(s => s.Id == Site)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TargetEnrollment, target));
        Assert.Equal(1, changed);
    }
}
