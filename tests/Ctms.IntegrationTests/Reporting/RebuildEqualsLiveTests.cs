using Ctms.IntegrationTests.Support;
using Ctms.Irb.Persistence;
using Ctms.Reporting;
using Ctms.Reporting.Consumers;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using Ctms.Sites.Persistence;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>
/// `reporting rebuild` against the live projection on a real host: the demo site's subjects (a screen failure, an SAE)
/// plus a rule and a manual deviation, a late SAE, a withdrawal and a completion, all made through the Subjects module.
/// Once every published event is projected, the read model is snapshotted, damaged, rebuilt and compared.
/// </summary>
[Trait("Category", "Reporting")]
public sealed class RebuildEqualsLiveTests
{
    private static readonly Guid Site = DemoIds.SiteCardiologySeoul;
    private static readonly Guid Trial = DemoIds.TrialCardiology;

    [Fact]
    public async Task Rebuild_equals_live_on_sqlite()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await RebuildEqualsLiveAsync(backend);
    }

    [PostgresRabbitFact]
    public async Task Rebuild_equals_live_on_postgresql()
    {
        await using var backend = await TestBackend.PostgresRabbitAsync();
        await RebuildEqualsLiveAsync(backend);
    }

    private static async Task RebuildEqualsLiveAsync(TestBackend backend)
    {
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Seed:DemoSubjects"] = "true" });
        _ = app.Server;
        await TellTheStoryAsync(app);

        var metrics = await Eventually.Until(async () => (await SnapshotAsync(app)).Metrics, m => m is
            {
                Screened: 4, ScreenFailed: 1, Enrolled: 2, Withdrawn: 1, Completed: 1, VisitsMissed: 2, DeviationsMinor: 1, DeviationsMajor: 1,
                SeriousAdverseEvents: 2, LateSeriousAdverseEvents: 1,
            }, "the story projected at the demo site", TimeSpan.FromSeconds(60));
        Assert.Equal(5, metrics.VisitsOccurred);
        await Eventually.Until(() => UnprojectedAsync(app), n => n.Count == 0, "every published event projected", TimeSpan.FromSeconds(60));
        var live = await SnapshotAsync(app);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What a lost message or a wiped table would leave: the rebuild must restore it from the owners.
            var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
            await db.Deviations.ExecuteDeleteAsync();
            await db.SeriousAdverseEvents.ExecuteDeleteAsync();
            await db.Subjects.ExecuteUpdateAsync(u => u.SetProperty(s => s.Completed, false).SetProperty(s => s.CompletedOn, (DateOnly?)null)
                .SetProperty(s => s.ScreenFailReasons, (string?)null));
        }

        Assert.NotEqual(live.Metrics, (await SnapshotAsync(app)).Metrics);

        using var output = new StringWriter();
        Assert.Equal(0, await ReportingModule.RebuildReadModelAsync(app.Services, output));

        var rebuilt = await SnapshotAsync(app);
        Assert.Equal(live.Metrics, rebuilt.Metrics);
        Assert.Equal(live.Rows, rebuilt.Rows);
        Assert.Contains("Exclusion applies", rebuilt.Rows, StringComparison.Ordinal);
    }

    /// <summary>Through the same entry point SiteSync uses, as the demo coordinator of the cardiology site.</summary>
    private static async Task TellTheStoryAsync(CtmsAppFactory app)
    {
        await using var scope = await app.UserScopeAsync("coordinator@demo.ctms");
        var entry = scope.ServiceProvider.GetRequiredService<ISiteDataEntry>();
        var subjects = await scope.ServiceProvider.GetRequiredService<ISubjectsQueries>().ListForSiteAsync(Site);
        var enrolled = subjects.Where(s => s.EnrolledAt is not null).OrderBy(s => s.EnrolledAt).ToList();
        Assert.Equal(2, enrolled.Count);
        var (overdue, serious) = (enrolled[0].SubjectNumber, enrolled[1].SubjectNumber);
        var screened = subjects.Single(s => s.Status == "screening").SubjectNumber;
        var today = SubjectJourney.Today;

        static void Ok(DataEntryResult result) => Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));

        // Week 2's window closed: recorded late, which raises a rule deviation; the rest missed, which completes the subject.
        Ok(await entry.RecordVisitAsync(new VisitEntry(Site, overdue, "Week 2", today, "Patient was travelling")));
        Ok(await entry.MarkVisitMissedAsync(new MissedVisitEntry(Site, overdue, "Week 4", "Moved abroad")));
        Ok(await entry.MarkVisitMissedAsync(new MissedVisitEntry(Site, overdue, "End of treatment", "Moved abroad")));
        // Known three days ago, reported now: past the trial's deadline.
        Ok(await entry.ReportAdverseEventAsync(new AdverseEventEntry(Site, serious, "Atrial fibrillation", today.AddDays(-3), "severe", "possible",
            ["hospitalisation"], DateTimeOffset.UtcNow.AddDays(-3))));
        Ok(await entry.ReportAdverseEventAsync(new AdverseEventEntry(Site, serious, "Headache", today.AddDays(-1), "mild", "unlikely", [],
            DateTimeOffset.UtcNow.AddHours(-1))));
        Ok(await entry.WithdrawAsync(new WithdrawalEntry(Site, serious, "Consent withdrawn", today)));
        Ok(await entry.ReportDeviationAsync(new DeviationEntry(Site, screened, "consent", "major", "Outdated consent form used", today.AddDays(-1), today)));
    }

    private sealed record Snapshot(SiteMetrics Metrics, string Rows);

    /// <summary>
    /// The site's figures and the fact rows the dashboards read. Statuses and event stamps are left out: the demo seed
    /// publishes no status events, and a rebuild stamps its own time by design.
    /// </summary>
    private static async Task<Snapshot> SnapshotAsync(CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var metrics = (await scope.ServiceProvider.GetRequiredService<IReportingQueries>().SiteMetricsAsync(Trial, SubjectJourney.Today))
            .Single(m => m.SiteId == Site);
        var db = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        var subjects = (await db.Subjects.AsNoTracking().Where(s => s.TrialId == Trial).ToListAsync()).OrderBy(s => s.SubjectNumber, StringComparer.Ordinal)
            .Select(s => $"{s.SubjectNumber} {s.ScreenedOn} {s.ConsentedOn} {s.Eligible} [{s.ScreenFailReasons}] {s.EnrolledAt?.UtcTicks} {s.ArmName} " +
                         $"{s.WithdrawnOn} {s.WithdrawalReason} {s.Completed} {s.CompletedOn}");
        var visits = (await db.Visits.AsNoTracking().Where(v => v.TrialId == Trial).ToListAsync()).OrderBy(v => v.VisitId)
            // Known gap: VisitScheduleUpdated carries only still-planned visits, so the window of a visit that occurred before
            // its schedule was published never reaches the live model (the rebuild has it). Compared for the others.
            .Select(v => $"{v.VisitId} {v.Status} {v.PlannedOn} {(v.Status == "occurred" ? "" : $"{v.Earliest} {v.Latest}")} {v.ActualDate} {v.OutOfWindow}");
        var deviations = (await db.Deviations.AsNoTracking().Where(d => d.TrialId == Trial).ToListAsync()).OrderBy(d => d.DeviationId)
            .Select(d => $"{d.DeviationId} {d.SubjectId} {d.SubjectNumber} {d.Category} {d.Severity} {d.Source} {d.OccurredOn} {d.IdentifiedOn}");
        var saes = (await db.SeriousAdverseEvents.AsNoTracking().Where(a => a.TrialId == Trial).ToListAsync()).OrderBy(a => a.AdverseEventId)
            .Select(a => $"{a.AdverseEventId} {a.SubjectNumber} {a.Term} {a.AwareAt.UtcTicks} {a.DueAt.UtcTicks} {a.ReportedAt.UtcTicks} {a.Late}");
        return new Snapshot(metrics, string.Join("\n", [.. subjects, .. visits, .. deviations, .. saes]));
    }

    /// <summary>Events the owners published that some Reporting consumer has not recorded in its inbox yet, by type (to tell which).</summary>
    private static async Task<Unprojected> UnprojectedAsync(CtmsAppFactory app)
    {
        var consumed = typeof(ReportingModule).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(ProjectionConsumer<>))
            .Select(t => t.BaseType!.GetGenericArguments()[0].FullName + ",")
            .ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var published = new List<(Guid Id, string Type)>();
        foreach (var outbox in new IQueryable<OutboxMessage>[]
                 {
                     scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Set<OutboxMessage>(),
                     scope.ServiceProvider.GetRequiredService<SitesDbContext>().Set<OutboxMessage>(),
                     scope.ServiceProvider.GetRequiredService<IrbDbContext>().Set<OutboxMessage>(),
                 })
        {
            // Whether the relay sent it tells a publishing delay from a delivery that failed or is still retrying.
            published.AddRange((await outbox.AsNoTracking().Select(m => new { m.Id, m.Type, m.SentAt, m.LastError }).ToListAsync())
                .Where(m => consumed.Any(c => m.Type.StartsWith(c, StringComparison.Ordinal)))
                .Select(m => (m.Id, $"{m.Type[..m.Type.IndexOf(',')]} ({(m.SentAt is null ? $"not sent yet {m.LastError}" : "sent")})")));
        }

        var applied = (await scope.ServiceProvider.GetRequiredService<ReportingDbContext>().Set<InboxMessage>().AsNoTracking()
            .Select(m => m.MessageId).ToListAsync()).ToHashSet();
        return new Unprojected(published.Where(m => !applied.Contains(m.Id)).Select(m => $"{m.Type} {m.Id}").ToList());
    }

    private sealed record Unprojected(IReadOnlyList<string> Events)
    {
        public int Count => Events.Count;

        public override string ToString() => $"{Count} unprojected: {string.Join("; ", Events)}";
    }
}
