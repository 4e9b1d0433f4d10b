using MassTransit;
using Ctms.Shared.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ctms.Shared.Messaging;

/// <summary>
/// Publishes a module's outbox rows in order through MassTransit and marks them sent. Woken after each commit
/// that wrote rows; polls as well, so rows left by a host that stopped between commit and publish still go.
/// A failed publish is retried with backoff and blocks later rows, so order is kept.
/// </summary>
internal sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RelayEnabled)
        {
            logger.LogWarning("Outbox relay for {Context} is disabled by configuration", typeof(TContext).Name);
            return;
        }

        try
        {
            // Rows written before the start (the demo seed's events) wait until the first page can be served.
            await lifetime.WaitForStartedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(Math.Max(50, options.Value.PollIntervalMilliseconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            var more = false;
            try
            {
                more = await RelayBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Outbox relay for {Context} failed; it will try again", typeof(TContext).Name);
            }

            if (!more)
            {
                await signal.WaitAsync(typeof(TContext), poll, stoppingToken);
            }
        }
    }

    /// <returns>True when a full batch went out and more rows may be waiting.</returns>
    private async Task<bool> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var bus = scope.ServiceProvider.GetRequiredService<IBus>();
        var now = clock.GetUtcNow();

        var batch = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0)
        {
            return false;
        }

        var sent = 0;
        foreach (var message in batch)
        {
            if (message.NextAttemptAt is { } next && next > now)
            {
                break;
            }

            try
            {
                var payload = message.Deserialize();
                await bus.Publish(payload, payload.GetType(), ctx => ctx.MessageId = message.Id, cancellationToken);
                message.MarkSent(clock.GetUtcNow());
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                message.MarkFailed(clock.GetUtcNow(), ex.Message);
                logger.LogWarning(ex, "Publishing outbox message {MessageId} ({Type}) failed, attempt {Attempt}",
                    message.Id, message.Type, message.Attempts);
                break;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent == batch.Count && batch.Count == BatchSize;
    }
}
