using Ctms.Identity.Persistence;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Audit;
using Ctms.Shared.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.AccessAudit;

[Trait("Category", "AccessAudit")]
public sealed class AuditTrailTests
{
    [Fact]
    public Task Sqlite_chain_detects_an_edited_and_a_deleted_entry() => TamperScenario(TestBackend.SqliteInMemoryBusAsync);

    [PostgresRabbitFact]
    public Task Postgres_chain_detects_an_edited_and_a_deleted_entry() => TamperScenario(TestBackend.PostgresRabbitAsync);

    [Fact]
    public Task Sqlite_concurrent_writers_keep_one_intact_chain() => ConcurrentWriters(TestBackend.SqliteInMemoryBusAsync);

    [PostgresRabbitFact]
    public Task Postgres_concurrent_writers_keep_one_intact_chain() => ConcurrentWriters(TestBackend.PostgresRabbitAsync);

    [Fact]
    public async Task A_change_records_who_when_what_and_the_enrollment_is_audited_in_the_subjects_chain()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        using var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");

        await SubjectJourney.EnrollAsync(app, coordinator, DemoIds.SiteOncologySeoul);

        var entries = await app.AuditAsync(new AuditQuery(Module: "subjects", EntityType: "Subject"));
        var created = Assert.Single(entries, e => e.Field == "Status" && e.Action == AuditActions.Created);
        Assert.Equal("screening", created.NewValue);
        Assert.Null(created.OldValue);
        var status = Assert.Single(entries, e => e.Field == "Status" && e.NewValue == "on-study");
        Assert.Equal("eligible", status.OldValue);
        Assert.Equal("Enrolled", status.Reason);
        Assert.Equal("Chloe Coordinator", status.UserName);
        Assert.NotEqual(AuditInterceptor.SystemUser, status.UserId);
        Assert.Equal(DemoIds.SiteOncologySeoul.ToString(), status.Location);
        Assert.Equal(TimeSpan.Zero, status.At.Offset);
        Assert.InRange(status.At, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));

        // Seeding ran as background work: "system".
        var seeded = await app.AuditAsync(new AuditQuery(Module: "trials", EntityType: "Trial"));
        Assert.NotEmpty(seeded);
        Assert.All(seeded, e => Assert.Equal(AuditInterceptor.SystemUser, e.UserId));
        Assert.All(await app.VerifyAsync(), v => Assert.True(v.IsIntact, v.Display));
    }

    private static async Task TamperScenario(Func<Task<TestBackend>> makeBackend)
    {
        await using var backend = await makeBackend();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;

        var before = await app.VerifyAsync();
        Assert.Equal(["trials", "sites", "irb", "subjects", "identity", "reporting", "sitesync"], before.Select(v => v.Module));
        Assert.All(before, v => Assert.True(v.IsIntact, v.Display));
        Assert.True(before.Single(v => v.Module == "trials").EntriesChecked >= 3, "the seeded trials are audited");
        Assert.True(before.Single(v => v.Module == "sites").EntriesChecked >= 4, "the seeded sites are audited");

        // An edit behind the application's back: the trials chain breaks at that entry, nothing else does.
        Assert.Equal(1, await app.ExecuteSqlAsync($"UPDATE {app.AuditTable("trials")} SET \"NewValue\" = 'forged' WHERE \"Sequence\" = 2"));
        var afterEdit = await app.VerifyAsync();
        var trials = afterEdit.Single(v => v.Module == "trials");
        Assert.False(trials.IsIntact);
        Assert.Equal(2, trials.FirstBrokenSequence);
        Assert.Contains("changed", trials.Problem, StringComparison.Ordinal);
        Assert.All(afterEdit.Where(v => v.Module != "trials"), v => Assert.True(v.IsIntact, v.Display));

        // A deletion in the middle of the sites chain.
        Assert.Equal(1, await app.ExecuteSqlAsync($"DELETE FROM {app.AuditTable("sites")} WHERE \"Sequence\" = 3"));
        var sites = (await app.VerifyAsync()).Single(v => v.Module == "sites");
        Assert.False(sites.IsIntact);
        Assert.Equal(3, sites.FirstBrokenSequence);
        Assert.Contains("missing", sites.Problem, StringComparison.Ordinal);

        // A deletion at the end of the identity chain: only the chain head notices.
        var identity = before.Single(v => v.Module == "identity");
        Assert.Equal(1, await app.ExecuteSqlAsync($"DELETE FROM {app.AuditTable("identity")} WHERE \"Sequence\" = {identity.EntriesChecked}"));
        var identityAfter = (await app.VerifyAsync()).Single(v => v.Module == "identity");
        Assert.False(identityAfter.IsIntact);
        Assert.Equal(identity.EntriesChecked, identityAfter.FirstBrokenSequence);
    }

    private static async Task ConcurrentWriters(Func<Task<TestBackend>> makeBackend)
    {
        await using var backend = await makeBackend();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        var start = (await app.VerifyAsync()).Single(v => v.Module == "identity").EntriesChecked;

        const int writers = 24;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CtmsIdentityDbContext>();
            db.AddAuditEvent(AuditEntry.Event("Probe", $"p-{i}", "probe", $"writer {i}"));
            await db.SaveChangesAsync();
        })));

        var identity = (await app.VerifyAsync()).Single(v => v.Module == "identity");
        Assert.True(identity.IsIntact, identity.Display);
        Assert.Equal(start + writers, identity.EntriesChecked);
    }
}
