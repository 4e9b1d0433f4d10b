using System.Diagnostics;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Npgsql;
using Xunit.Abstractions;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>
/// 10,000 site messages (site-level protocol deviations, one effect row each) through a RabbitMQ restart and a
/// <c>kill -9</c> of the central process: exactly 10,000 deviations at the end, no duplicate, none lost. The broker is a
/// private node (the shared one is never stopped); the central is Ctms.Web as a child process on its own PostgreSQL
/// database; the sender publishes raw AMQP as a site system would (docs/messaging.md).
/// </summary>
[Trait("Category", "SiteSync")]
public sealed class TenThousandMessagesTests(ITestOutputHelper output)
{
    private const int Total = 10_000;

    [PostgresRabbitFact]
    public async Task Ten_thousand_messages_through_a_broker_restart_and_a_kill_9_of_the_central_give_exactly_ten_thousand_effects()
    {
        var watch = Stopwatch.StartNew();
        Assert.Null(PrivateRabbitNode.MissingReason);
        await using var node = await PrivateRabbitNode.StartAsync();
        var rabbit = await node.EndpointAsync("ctms-10k");
        await using var backend = await TestBackend.PostgresOnRabbitAsync(rabbit);
        await using var site = await TestSite.AddAsync(rabbit);
        var settings = new Dictionary<string, string?>
        {
            ["SiteSync:Gateway:Enabled"] = "true",
            ["SiteSync:Gateway:RequireDelegation"] = "false",
            [$"SiteSync:Sites:{site.Code}"] = DemoIds.SiteOncologySeoul.ToString(),
        };
        var connectionString = backend.Settings["ConnectionStrings:Ctms"]!;
        var messages = Enumerable.Range(0, Total).Select(i => SiteMessage.Deviation(site.Code, $"10k deviation {i:00000}")).ToList();

        var central = await CentralProcess.StartAsync(backend, settings);
        try
        {
            Log(watch, "central up");
            await PublishAsync(site, messages[..(Total / 2)]);
            Log(watch, "first half published");

            var beforeRestart = await WaitForEffectsAsync(connectionString, Total / 10, "effects before the broker restart");
            await node.StopAppAsync();
            await node.StartAppAsync();
            Log(watch, $"broker restarted at {beforeRestart} effects");

            var beforeKill = await WaitForEffectsAsync(connectionString, Total / 4, "effects before the kill");
            await central.KillAsync();
            await central.DisposeAsync();
            Log(watch, $"central killed at {beforeKill} effects");

            // The second half arrives while the central is down, then it comes back on the same database.
            await PublishAsync(site, messages[(Total / 2)..]);
            central = await CentralProcess.StartAsync(backend, settings);
            Log(watch, "central restarted, second half published");

            await WaitForEffectsAsync(connectionString, Total, "every effect", TimeSpan.FromMinutes(8));
            Log(watch, "all effects");

            // Settled: every message has its outcome stored (nothing left applying that could still add an effect).
            await Eventually.Until(() => ScalarAsync(connectionString,
                    """SELECT COUNT(*) FROM sitesync."SiteMessages" WHERE "Status" = 'accepted'"""),
                n => n >= Total, "every outcome stored", TimeSpan.FromMinutes(2));
            Assert.Equal(0, await ScalarAsync(connectionString, """SELECT COUNT(*) FROM sitesync."SiteMessages" WHERE "Status" <> 'accepted'"""));
            Assert.Equal(Total, await ScalarAsync(connectionString, Deviations("COUNT(*)")));
            Assert.Equal(Total, await ScalarAsync(connectionString, Deviations("""COUNT(DISTINCT "Description")""")));
            Assert.Equal(Total, await ScalarAsync(connectionString, """SELECT COUNT(*) FROM subjects."SiteEntryReceipts" """));
            Assert.True(beforeKill < Total, "the kill should come before the last effect");
            Log(watch, "checked");
        }
        finally
        {
            await central.DisposeAsync();
        }
    }

    private void Log(Stopwatch watch, string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,6:F1} s  {what}");

    /// <summary>
    /// Publishes with confirms, 200 at a time; a batch that fails (broker away) is sent again whole on a new link: same ids,
    /// so harmless. The attempts are half a second apart while the broker is away, and a batch gets four minutes.
    /// </summary>
    private static async Task PublishAsync(TestSite site, IReadOnlyList<SiteMessage> messages)
    {
        SiteLink? link = null;
        try
        {
            foreach (var batch in messages.Chunk(200))
            {
                await Eventually.Until(async () =>
                {
                    try
                    {
                        link ??= await SiteLink.OpenAsync(site);
                        await Task.WhenAll(batch.Select(link.PublishAsync));
                        return true;
                    }
                    catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or RabbitMQ.Client.Exceptions.BrokerUnreachableException
                                                   or RabbitMQ.Client.Exceptions.OperationInterruptedException or IOException)
                    {
                        if (link is not null)
                        {
                            await DisposeQuietlyAsync(link);
                            link = null;
                        }

                        return false;
                    }
                }, sent => sent, $"a batch of {batch.Length} messages confirmed by the broker", TimeSpan.FromMinutes(4), TimeSpan.FromMilliseconds(500));
            }
        }
        finally
        {
            if (link is not null)
            {
                await DisposeQuietlyAsync(link);
            }
        }
    }

    private static async Task DisposeQuietlyAsync(SiteLink link)
    {
        try
        {
            await link.DisposeAsync();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException)
        {
            // the connection was already gone
        }
    }

    private static Task<long> WaitForEffectsAsync(string connectionString, long atLeast, string what, TimeSpan? timeout = null) =>
        Eventually.Until(() => ScalarAsync(connectionString, Deviations("COUNT(*)")), n => n >= atLeast, what, timeout ?? TimeSpan.FromMinutes(4));

    private static string Deviations(string aggregate) =>
        $"""SELECT {aggregate} FROM subjects."Deviations" WHERE "SiteId" = '{DemoIds.SiteOncologySeoul}'""";

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
