using Ctms.IntegrationTests.Support;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ctms.Benchmarks.Sync;

/// <summary>
/// The baseline: the same payloads published with confirms to a fanout exchange and quorum queue per site (the sites'
/// topology), consumed with manual acks and the same prefetch as the gateway, and nothing else: no parsing, no database.
/// </summary>
internal sealed class RawRabbitRoundTrip : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly Dictionary<string, ConfirmedPublisher> _publishers = [];
    private readonly List<IChannel> _consumers = [];
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _acked;

    private RawRabbitRoundTrip(IConnection connection) => _connection = connection;

    public static async Task<RawRabbitRoundTrip> OpenAsync(RabbitEndpoint rabbit, IEnumerable<BenchSite> sites, ushort prefetch)
    {
        var connection = await new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            ClientProvidedName = "bench-raw",
        }.CreateConnectionAsync();
        var raw = new RawRabbitRoundTrip(connection);
        foreach (var site in sites)
        {
            var name = Exchange(site);
            var consumerChannel = await connection.CreateChannelAsync();
            raw._consumers.Add(consumerChannel);
            await consumerChannel.ExchangeDeclareAsync(name, ExchangeType.Fanout, durable: true, autoDelete: false);
            await consumerChannel.QueueDeclareAsync(name, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-single-active-consumer"] = true });
            await consumerChannel.QueueBindAsync(name, name, "");
            await consumerChannel.BasicQosAsync(0, prefetch, false);
            var consumer = new AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                if (Interlocked.Increment(ref raw._acked) == Volatile.Read(ref raw._expected))
                {
                    raw._done.TrySetResult();
                }
            };
            await consumerChannel.BasicConsumeAsync(name, autoAck: false, consumer);
            raw._publishers[site.Code] = await ConfirmedPublisher.OpenAsync(connection, rabbit.Username);
        }

        return raw;
    }

    /// <summary>Publishes every message (each site's on its own channel, in parallel) and returns when all are acked by the consumers.</summary>
    public async Task RunAsync(IReadOnlyList<OutgoingMessage> messages)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _acked, 0);
        Volatile.Write(ref _expected, messages.Count);
        await Task.WhenAll(messages.GroupBy(m => m.Site.Code).Select(g => _publishers[g.Key].PublishAsync(Exchange(g.First().Site), g)));
        await _done.Task.WaitAsync(TimeSpan.FromMinutes(5));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in _consumers.Concat(_publishers.Values.Select(p => p.Channel)))
        {
            await channel.DisposeAsync();
        }

        await _connection.DisposeAsync();
    }

    private static string Exchange(BenchSite site) => $"bench.raw.{site.Lower}";
}
