using System.Text;
using Ctms.IntegrationTests.Support;
using Ctms.Subjects.Contracts;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>
/// The broker goes down for a while under a running agent and a running central. On a private RabbitMQ node: the shared
/// broker is never stopped (other test projects use it at the same time).
/// </summary>
[Trait("Category", "SiteSync")]
public sealed class BrokerOutageTests
{
    [RabbitFact]
    public async Task The_agent_keeps_taking_local_commands_while_the_broker_is_down_and_forwards_everything_exactly_once_after()
    {
        Assert.Null(PrivateRabbitNode.MissingReason);
        await using var node = await PrivateRabbitNode.StartAsync();
        var rabbit = await node.EndpointAsync("ctms-outage");
        await using var backend = await TestBackend.SqliteOnSharedRabbitAsync(rabbit);
        await using var site = await TestSite.AddAsync(rabbit);
        var log = new EntryLog();
        await using var app = GatewayHost.Start(backend, site, log);
        var store = Path.Combine(backend.DataFolder, "agent.db");
        var drop = Path.Combine(backend.DataFolder, "drop");
        Directory.CreateDirectory(drop);

        using var agent = AgentProcess.Start(rabbit, site, store, "run", "--drop", drop);
        try
        {
            await DropAsync(drop, "deviations_before.csv", Deviations("before", 30));
            await Eventually.Until(() => Task.FromResult(log.Calls.Count), n => n >= 30, "the messages sent before the outage", TimeSpan.FromSeconds(90));

            await node.StopAppAsync();

            // Broker down: commands and the drop folder still work, all locally.
            for (var i = 0; i < 3; i++)
            {
                var (exitCode, output) = await AgentProcess.RunCommandAsync(rabbit, site, store,
                    "deviation", "--category", "procedure", "--severity", "minor", "--description", $"offline command {i}", "--date", "2026-11-20");
                Assert.True(exitCode == 0, output);
            }

            await DropAsync(drop, "deviations_during.csv", Deviations("during", 40));
            var offline = await Eventually.Until(() => AgentProcess.RunAsync(rabbit, site, store, "status"),
                s => s.Contains("pending 43", StringComparison.Ordinal), "the offline messages queued locally", TimeSpan.FromSeconds(60));
            Assert.Contains("accepted 30", offline, StringComparison.Ordinal);
            Assert.Equal(30, log.Calls.Count);

            await node.StartAppAsync();

            await Eventually.Until(() => Task.FromResult(log.Calls.Count), n => n >= 73, "every message after the outage", TimeSpan.FromSeconds(120));
            var status = await Eventually.Until(() => AgentProcess.RunAsync(rabbit, site, store, "status"),
                s => s.Contains("accepted 73", StringComparison.Ordinal), "every answer back at the agent", TimeSpan.FromSeconds(90));
            Assert.Contains("pending 0", status, StringComparison.Ordinal);
        }
        finally
        {
            agent.Kill(entireProcessTree: true);
        }

        var applied = log.Of<DeviationEntry>().Select(d => d.Description).ToList();
        Assert.Equal(73, applied.Count);
        Assert.Equal(73, applied.Distinct().Count());
        Assert.Equal(3, applied.Count(d => d.StartsWith("offline command", StringComparison.Ordinal)));
    }

    /// <summary>Written aside and moved in, as a site system should, so the agent never reads half a file.</summary>
    private static async Task DropAsync(string drop, string name, string content)
    {
        var temporary = Path.Combine(drop, name + ".part");
        await File.WriteAllTextAsync(temporary, content);
        File.Move(temporary, Path.Combine(drop, name));
    }

    private static string Deviations(string batch, int count)
    {
        var csv = new StringBuilder("subjectNumber,category,severity,description,occurredOn,identifiedOn\n");
        for (var i = 0; i < count; i++)
        {
            csv.Append($",procedure,minor,{batch} {i},2026-11-20,2026-11-21\n");
        }

        return csv.ToString();
    }
}
