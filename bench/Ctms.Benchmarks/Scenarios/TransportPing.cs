using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>A message the benchmark alone publishes and consumes.</summary>
public sealed record BenchPing(Guid Id);

/// <summary>
/// The recognition scenario's baseline: a bare publish from center A's bus to a handler on center B's bus, over
/// the same RabbitMQ virtual host, with no outbox, database or signature in between (the transport floor).
/// </summary>
internal sealed class TransportPing(IBus from, HostReceiveEndpointHandle endpoint) : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Guid, TaskCompletionSource> Waiting = new();

    public static async Task<TransportPing> ConnectAsync(IBus from, IBus to)
    {
        var handle = to.ConnectReceiveEndpoint("bench-ping", e => e.Handler<BenchPing>(context =>
        {
            if (Waiting.TryRemove(context.Message.Id, out var arrived))
            {
                arrived.TrySetResult();
            }

            return Task.CompletedTask;
        }));
        await handle.Ready;
        return new TransportPing(from, handle);
    }

    public async Task<double> RoundMillisecondsAsync()
    {
        var id = Guid.NewGuid();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Waiting[id] = arrived;
        var started = Stopwatch.GetTimestamp();
        await from.Publish(new BenchPing(id));
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public async ValueTask DisposeAsync() => await endpoint.StopAsync();
}
