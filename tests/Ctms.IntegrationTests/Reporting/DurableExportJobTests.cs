using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Reporting.Domain;
using Ctms.Reporting.Features.Exports;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>Export jobs live in Reporting's database: they outlive the host, one instance runs each, only the requester gets them.</summary>
[Trait("Category", "Reporting")]
public sealed class DurableExportJobTests
{
    private static readonly Dictionary<string, string?> NoWorker = new() { ["Reporting:Exports:RunWorker"] = "false" };
    private static readonly Dictionary<string, string?> QuickWorker = new() { ["Reporting:Exports:PollSeconds"] = "1" };

    [Fact]
    public async Task A_queued_job_survives_a_host_restart_and_a_job_whose_instance_died_is_run_again()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        string job;
        Guid orphan;
        await using (var first = new CtmsAppFactory(backend, NoWorker))
        {
            using var sponsor = await SignIn.AsAsync(first, "sponsor@demo.ctms");
            using var started = await sponsor.PostAsync($"/api/v1/reporting/trials/{DemoIds.TrialOncology}/exports/odm", null);
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
            job = started.Headers.Location!.OriginalString;
            Assert.Equal("queued", (await sponsor.GetFromJsonAsync<JsonElement>(job)).GetProperty("status").GetString());
            orphan = await RunningOnADeadInstanceAsync(first, await SponsorIdAsync(first));
        }

        await using var second = new CtmsAppFactory(backend, QuickWorker);
        using var again = await SignIn.AsAsync(second, "sponsor@demo.ctms");
        var done = await Eventually.Until(() => again.GetFromJsonAsync<JsonElement>(job), j => j.GetProperty("status").GetString() is "done" or "failed",
            "the job queued before the restart to finish");
        Assert.Equal("done", done.GetProperty("status").GetString());
        using var file = await again.GetAsync(done.GetProperty("file").GetString());
        Assert.Equal("application/xml", file.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<ODM", await file.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var resumed = await Eventually.Until(() => JobAsync(second, orphan), j => j.Status == ExportJob.Done, "the dead instance's job to be run again");
        Assert.Equal(2, resumed.Attempts);
        Assert.Equal(second.Services.GetRequiredService<ExportWorker>().Owner, resumed.LeaseOwner);
    }

    [Fact]
    public async Task Two_hosts_on_one_sqlite_database_never_both_run_a_job() =>
        await TwoHostsNeverBothRunAJobAsync(await TestBackend.SqliteInMemoryBusAsync());

    [PostgresRabbitFact]
    public async Task Two_hosts_on_one_postgresql_database_never_both_run_a_job() =>
        await TwoHostsNeverBothRunAJobAsync(await TestBackend.PostgresRabbitAsync());

    private static async Task TwoHostsNeverBothRunAJobAsync(TestBackend backend)
    {
        await using var owned = backend;
        await using var a = new CtmsAppFactory(backend, NoWorker);
        _ = a.Server;
        await using var b = new CtmsAppFactory(backend, NoWorker);
        _ = b.Server;
        var sponsor = await SponsorIdAsync(a);
        var jobs = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            jobs.Add(await QueueAsync(a, sponsor));
        }

        // Both instances race for every job at the same moment: exactly one claim per job may win.
        var claims = await Task.WhenAll(jobs.SelectMany(job => new[] { ClaimAsync(a, job, "instance-a"), ClaimAsync(b, job, "instance-b") }));
        Assert.All(claims.Chunk(2), pair => Assert.Single(pair, won => won));
        foreach (var job in jobs)
        {
            var row = await JobAsync(a, job);
            Assert.Equal((ExportJob.Running, 1), (row.Status, row.Attempts));
        }

        // And with both workers running: every job done once.
        await using var c = new CtmsAppFactory(backend, QuickWorker);
        _ = c.Server;
        await using var d = new CtmsAppFactory(backend, QuickWorker);
        _ = d.Server;
        var more = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            more.Add(await QueueAsync(c, sponsor));
        }

        foreach (var job in more)
        {
            var row = await Eventually.Until(() => JobAsync(d, job), j => j.Status is ExportJob.Done or ExportJob.Failed, "the job to finish", TimeSpan.FromSeconds(60));
            Assert.Equal((ExportJob.Done, 1), (row.Status, row.Attempts));
        }
    }

    [Fact]
    public async Task Only_the_requester_sees_and_downloads_a_job_not_a_user_of_another_tenant()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, QuickWorker);
        _ = app.Server;
        Guid jobId;
        string requesterId;
        await using (var sponsor = await app.UserScopeAsync("sponsor@demo.ctms"))
        {
            var user = sponsor.ServiceProvider.GetRequiredService<ICurrentUser>();
            requesterId = user.UserId!;
            var jobs = sponsor.ServiceProvider.GetRequiredService<ExportJobs>();
            jobId = (await jobs.StartAsync(DemoIds.TrialOncology, "fhir", user)).Id;
            await Eventually.Until(() => jobs.FindAsync(jobId, user), j => j is { Finished: true }, "the export to finish");
            Assert.NotNull(await jobs.DownloadAsync(jobId, user));
        }

        // Even an account carrying the same user id, if it belongs to another sponsor organisation.
        await using var other = app.Services.CreateAsyncScope();
        other.ServiceProvider.GetRequiredService<CurrentUserAccessor>().Set(new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, requesterId),
            new Claim(ClaimTypes.Role, CtmsRoles.Sponsor),
            new Claim(CtmsClaims.Tenant, "other-sponsor"),
        ], "test")));
        var otherUser = other.ServiceProvider.GetRequiredService<ICurrentUser>();
        var store = other.ServiceProvider.GetRequiredService<ExportJobs>();
        Assert.Null(await store.FindAsync(jobId, otherUser));
        Assert.Null(await store.DownloadAsync(jobId, otherUser));

        using var admin = await SignIn.AsAsync(app, "admin@demo.ctms");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/reporting/exports/{jobId}/file")).StatusCode);
    }

    private static async Task<string> SponsorIdAsync(CtmsAppFactory app)
    {
        await using var scope = await app.UserScopeAsync("sponsor@demo.ctms");
        return scope.ServiceProvider.GetRequiredService<ICurrentUser>().UserId!;
    }

    private static async Task<Guid> QueueAsync(CtmsAppFactory app, string requester)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var job = new ExportJob(DemoIds.TrialOncology, "fhir", requester, DemoIds.TenantId, DateTimeOffset.UtcNow);
        db.ExportJobs.Add(job);
        await db.SaveChangesAsync();
        return job.Id;
    }

    /// <summary>A job left running by an instance that died: its lease ran out a minute ago.</summary>
    private static async Task<Guid> RunningOnADeadInstanceAsync(CtmsAppFactory app, string requester)
    {
        var id = await QueueAsync(app, requester);
        await using var scope = app.Services.CreateAsyncScope();
        var expired = DateTimeOffset.UtcNow.AddMinutes(-1);
        await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().ExportJobs.Where(j => j.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(j => j.Status, ExportJob.Running).SetProperty(j => j.LeaseOwner, "dead-instance")
                .SetProperty(j => j.LeaseUntil, expired).SetProperty(j => j.Attempts, 1));
        return id;
    }

    private static async Task<bool> ClaimAsync(CtmsAppFactory app, Guid job, string owner)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExportJobLeases>().TryClaimAsync(job, owner, default);
    }

    private static async Task<ExportJob> JobAsync(CtmsAppFactory app, Guid job)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().ExportJobs.AsNoTracking().SingleAsync(j => j.Id == job);
    }
}
