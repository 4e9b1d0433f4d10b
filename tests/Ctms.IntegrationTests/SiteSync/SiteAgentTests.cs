using System.Text;
using Ctms.IntegrationTests.Support;
using Ctms.Subjects.Contracts;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>The site agent as a site runs it: a separate process, killed without warning in the middle of forwarding.</summary>
[Trait("Category", "SiteSync")]
public sealed class SiteAgentTests
{
    [RabbitFact]
    public async Task A_csv_drop_is_forwarded_exactly_once_in_subject_order_across_a_kill_9_of_the_agent()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        var log = new EntryLog();
        await using var app = GatewayHost.Start(backend, site, log);
        var folder = Path.Combine(backend.DataFolder, "agent");
        var drop = Path.Combine(folder, "drop");
        Directory.CreateDirectory(drop);
        var store = Path.Combine(folder, "site.db");

        var deviations = new StringBuilder("subjectNumber,category,severity,description,occurredOn,identifiedOn\n");
        for (var i = 0; i < 300; i++)
        {
            deviations.Append($",procedure,minor,\"dev {i}, site-level\",2026-11-20,2026-11-21\n");
        }

        var visits = new StringBuilder("subjectNumber,visitName,occurredOn,outOfWindowReason\n");
        for (var v = 1; v <= 10; v++)
        {
            for (var s = 1; s <= 10; s++)
            {
                visits.Append($"AG-{s:00},Visit {v:00},2026-11-{v + 10},\n");
            }
        }

        await File.WriteAllTextAsync(Path.Combine(drop, "deviations_1.csv"), deviations.ToString());
        await File.WriteAllTextAsync(Path.Combine(drop, "visits_1.csv"), visits.ToString());

        using (var first = AgentProcess.Start(backend.Rabbit!, site, store, "run", "--drop", drop))
        {
            await Eventually.Until(() => Task.FromResult(log.Calls.Count), n => n >= 40, "the agent forwarding", TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true); // SIGKILL: no chance to finish the batch or mark anything
            await first.WaitForExitAsync();
        }

        Assert.True(log.Calls.Count < 400, "the kill should come before everything was forwarded");
        using var second = AgentProcess.Start(backend.Rabbit!, site, store, "run", "--drop", drop);
        try
        {
            await Eventually.Until(() => Task.FromResult(log.Calls.Count), n => n >= 400, "every message applied", TimeSpan.FromSeconds(90));
            var status = await Eventually.Until(() => AgentProcess.RunAsync(backend.Rabbit!, site, store, "status"),
                s => s.Contains("accepted 400", StringComparison.Ordinal), "every answer stored by the agent", TimeSpan.FromSeconds(60));
            Assert.Contains("pending 0", status, StringComparison.Ordinal);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
        }

        // Exactly once: 300 distinct deviations, 100 visits, each subject's visits in the order they were enqueued.
        var applied = log.Of<DeviationEntry>();
        Assert.Equal(300, applied.Count);
        Assert.Equal(300, applied.Select(d => d.Description).Distinct().Count());
        var applyVisits = log.Of<VisitEntry>();
        Assert.Equal(100, applyVisits.Count);
        Assert.All(applyVisits.GroupBy(v => v.SubjectNumber), subject =>
            Assert.Equal(Enumerable.Range(1, 10).Select(v => $"Visit {v:00}"), subject.Select(v => v.VisitName)));
        Assert.True(File.Exists(Path.Combine(drop, "done", "deviations_1.csv")));
    }
}
