using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ctms.SiteAgent;

/// <summary>
/// The worker: forwards pending messages in enqueue order with publisher confirms (a message is marked forwarded only
/// after the broker confirmed it), stores every central message from the site's outbound queue before acknowledging it,
/// and imports CSV files from the drop folder (connected or not: importing is local). Any broker failure: wait (1 s
/// doubling to 30 s) and start again.
/// </summary>
internal sealed class Forwarder(AgentSettings settings, TextWriter log)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var importing = settings.Get("drop") is { } drop ? ImportLoopAsync(drop, cancellationToken) : Task.CompletedTask;
        await ForwardLoopAsync(cancellationToken);
        await importing;
    }

    private async Task ImportLoopAsync(string drop, CancellationToken cancellationToken)
    {
        using var store = new LocalStore(settings.Store);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                CsvImport.ImportFolder(store, settings, drop, log);
            }
            catch (Exception ex) when (ex is IOException or Microsoft.Data.Sqlite.SqliteException)
            {
                // A file still being written, the folder briefly gone, the store busy: try again on the next round.
                await log.WriteLineAsync($"{DateTime.UtcNow:O} drop folder: {ex.Message}");
            }

            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ForwardLoopAsync(CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SessionAsync(() => delay = TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                await log.WriteLineAsync($"{DateTime.UtcNow:O} broker unavailable ({ex.GetType().Name}: {ex.Message}); retrying in {delay.TotalSeconds:0} s");
            }

            try
            {
                await Task.Delay(delay, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
        }
    }

    private async Task SessionAsync(Action connected, CancellationToken cancellationToken)
    {
        var code = settings.SiteCode;
        var lower = code.ToLowerInvariant();
        var user = $"site-{lower}";
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = user,
            Password = settings.Password,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
            ClientProvidedName = $"ctms-site-agent-{lower}",
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };
        await using var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(true, true), cancellationToken);
        await using var receiver = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        using var store = new LocalStore(settings.Store);
        using var receiveStore = new LocalStore(settings.Store);
        await receiver.BasicQosAsync(0, 100, false, cancellationToken);
        var consumer = new AsyncEventingBasicConsumer(receiver);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            receiveStore.Receive(Encoding.UTF8.GetString(delivery.Body.Span));
            await receiver.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await receiver.BasicConsumeAsync($"ctms.site.{lower}.out", autoAck: false, consumer, cancellationToken);
        await log.WriteLineAsync($"{DateTime.UtcNow:O} connected to {settings.Host}:{settings.Port} as {user}");
        connected();

        while (!cancellationToken.IsCancellationRequested && !lost.Task.IsCompleted)
        {
            var batch = store.NextToForward(100);
            if (batch.Count == 0)
            {
                await Task.WhenAny(lost.Task, Task.Delay(250, cancellationToken));
                continue;
            }

            // Published in order on one channel; awaited together. A nack or a lost connection throws: nothing of this
            // batch is marked, so all of it is sent again (the central answers a duplicate id with the same answer).
            await Task.WhenAll(batch.Select(m => publisher.BasicPublishAsync($"ctms.site.{lower}.in", m.Type, true,
                new BasicProperties
                {
                    MessageId = m.MessageId.ToString(),
                    Type = m.Type,
                    UserId = user,
                    ContentType = "application/json",
                    DeliveryMode = DeliveryModes.Persistent,
                }, Encoding.UTF8.GetBytes(m.Json), cancellationToken).AsTask()));
            store.MarkForwarded(batch.Select(m => m.Id));
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new IOException("The broker connection closed.");
    }
}
