using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Ctms.Shared.Messaging;

/// <summary>
/// Wakes a module's outbox relay right after a commit that wrote outbox rows, so events leave at once
/// instead of at the next poll. A wake-up while the relay is busy is kept (capacity one) and coalesced.
/// </summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<Type, Channel<bool>> _channels = new();

    public void Wake(Type contextType) => Channel(contextType).Writer.TryWrite(true);

    public async Task WaitAsync(Type contextType, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await Channel(contextType).Reader.ReadAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a wake-up: look anyway, for rows left by a crashed host.
        }
    }

    private Channel<bool> Channel(Type contextType) => _channels.GetOrAdd(contextType, _ =>
        System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
        }));
}
