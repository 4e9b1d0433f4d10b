using Ctms.Shared.Messaging;
using Ctms.SiteSync.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ctms.SiteSync.Gateway;

/// <summary>
/// The central end of docs/messaging.md, on RabbitMQ.Client directly (ADR 0011): one consumer per registered site's
/// inbound queue (manual acks after the outcome is committed) feeding <see cref="SubjectLanes"/> (ADR 0015), a relay that publishes the outbound rows with publisher
/// confirms, and a sweeper for parked messages. A lost connection is rebuilt with backoff; nothing here stops the host.
/// </summary>
internal sealed class SiteGateway(
    IServiceScopeFactory scopes,
    SiteSyncSettings settings,
    MessagingSettings messaging,
    SiteLocks locks,
    SiteSyncSignal signal,
    TimeProvider clock,
    ILogger<SiteGateway> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Enabled || messaging.Transport != MessagingTransport.RabbitMq || settings.Sites.Count == 0)
        {
            logger.LogInformation("Site-sync gateway off (SiteSync:Gateway:Enabled, Messaging:Transport=RabbitMq and SiteSync:Sites are all needed)");
            return;
        }

        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunSessionAsync(stoppingToken);
                delay = TimeSpan.FromMilliseconds(500);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Site-sync gateway lost the broker; reconnecting in {Delay}", delay);
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 10_000));
        }
    }

    private async Task RunSessionAsync(CancellationToken stoppingToken)
    {
        var rabbit = messaging.RabbitMq!;
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            AutomaticRecoveryEnabled = false, // our loop rebuilds everything: simpler than resuming stale delivery tags
            ClientProvidedName = $"ctms-{messaging.CenterId}-sitesync",
        };
        await using var connection = await factory.CreateConnectionAsync(stoppingToken);
        var lost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, _) =>
        {
            lost.TrySetResult();
            return Task.CompletedTask;
        };

        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stoppingToken);
        var consumers = new List<IChannel>();
        var lanes = new List<SubjectLanes>();
        try
        {
            foreach (var site in settings.Sites)
            {
                var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                consumers.Add(channel);
                await SiteTopology.DeclareAsync(channel, site, stoppingToken);
                // Enough unacked deliveries to keep every lane busy while the others wait on the database.
                await channel.BasicQosAsync(0, (ushort)Math.Max(64, settings.SubjectLanes * 16), false, stoppingToken);
                var siteLanes = new SubjectLanes(settings.SubjectLanes, item => OnDeliveryAsync(channel, site, item, stoppingToken));
                lanes.Add(siteLanes);
                var consumer = new AsyncEventingBasicConsumer(channel);
                consumer.ReceivedAsync += (_, delivery) =>
                {
                    siteLanes.Post(new LaneItem(
                        new InboundDelivery(delivery.BasicProperties.UserId, delivery.BasicProperties.MessageId, delivery.Body.ToArray()), delivery.DeliveryTag));
                    return Task.CompletedTask;
                };
                await channel.BasicConsumeAsync(SiteTopology.Inbound(site), autoAck: false, consumer, stoppingToken);
            }

            logger.LogInformation("Site-sync gateway consuming {Count} site queue(s)", settings.Sites.Count);
            using var sessionEnd = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var relay = RelayAsync(publisher, sessionEnd.Token);
            var sweeper = SweepAsync(sessionEnd.Token);
            var finished = await Task.WhenAny(lost.Task, relay, sweeper, Task.Delay(Timeout.Infinite, stoppingToken));
            await sessionEnd.CancelAsync();
            await Task.WhenAll(relay.ContinueWith(_ => { }, TaskScheduler.Default), sweeper.ContinueWith(_ => { }, TaskScheduler.Default));
            stoppingToken.ThrowIfCancellationRequested();
            if (finished == relay || finished == sweeper)
            {
                await finished; // surfaces the failure to the reconnect loop
            }

            throw new InvalidOperationException("The broker connection closed.");
        }
        finally
        {
            foreach (var siteLanes in lanes)
            {
                await siteLanes.CompleteAsync();
            }

            foreach (var channel in consumers)
            {
                await DisposeQuietlyAsync(channel);
            }
        }
    }

    private async Task OnDeliveryAsync(IChannel channel, RegisteredSite site, LaneItem item, CancellationToken stoppingToken)
    {
        var (inbound, deliveryTag) = (item.Delivery, item.DeliveryTag);
        DeliveryVerdict verdict;
        try
        {
            using (await locks.AcquireLaneAsync(site.Code, stoppingToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                verdict = await scope.ServiceProvider.GetRequiredService<SiteMessageProcessor>().ProcessAsync(site, inbound, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return; // stopping: not acked, so the broker redelivers it to whoever consumes next
        }
        catch (Exception ex)
        {
            // Not stored: the broker redelivers it (the quorum queue's delivery limit dead-letters a message that never succeeds).
            logger.LogError(ex, "Site {Site}: message {MessageId} not processed; returned to the queue", site.Code, inbound.AmqpMessageId);
            await TryAsync(() => channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true).AsTask());
            return;
        }

        signal.Wake();
        await TryAsync(() => verdict == DeliveryVerdict.Ack
            ? channel.BasicAckAsync(deliveryTag, multiple: false).AsTask()
            : channel.BasicNackAsync(deliveryTag, multiple: false, requeue: false).AsTask());
    }

    /// <summary>Publishes outbound rows in id order with confirms, then marks them sent. A crash in between resends (sites dedup by id).</summary>
    private async Task RelayAsync(IChannel publisher, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            int published;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>();
                var batch = await db.OutboundMessages.Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(200).ToListAsync(cancellationToken);
                var sends = batch.Select(row =>
                {
                    var site = settings.ByCode(row.SiteCode);
                    if (site is null)
                    {
                        return Task.CompletedTask; // a site no longer registered: kept unsent for the day it returns
                    }

                    var properties = new BasicProperties
                    {
                        MessageId = row.MessageId.ToString(),
                        Type = row.Type,
                        ContentType = "application/json",
                        DeliveryMode = DeliveryModes.Persistent,
                        Timestamp = new AmqpTimestamp(row.CreatedAt.ToUnixTimeSeconds()),
                    };
                    return publisher.BasicPublishAsync(SiteTopology.OutboundExchange, site.Lower, mandatory: false, properties,
                        System.Text.Encoding.UTF8.GetBytes(row.Json), cancellationToken).AsTask();
                }).ToList();
                await Task.WhenAll(sends);
                var now = clock.GetUtcNow();
                foreach (var row in batch.Where(r => settings.ByCode(r.SiteCode) is not null))
                {
                    row.MarkSent(now);
                }

                await db.SaveChangesAsync(CancellationToken.None);
                published = batch.Count;
            }

            if (published == 0)
            {
                await signal.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(settings.ParkTimeout.TotalSeconds / 4, 0.5, 15));
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(period, cancellationToken);
            foreach (var site in settings.Sites)
            {
                using (await locks.AcquireAsync(site.Code, cancellationToken))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var processor = scope.ServiceProvider.GetRequiredService<SiteMessageProcessor>();
                    await processor.ResumeApplyingAsync(site, cancellationToken);
                    await processor.ExpireParkedAsync(site, cancellationToken);
                }
            }

            signal.Wake();
        }
    }

    private async Task TryAsync(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception ex)
        {
            // The channel closed under us: the message was not acked and will be redelivered, which the message id makes harmless.
            logger.LogDebug(ex, "Ack/nack not delivered");
        }
    }

    private static async Task DisposeQuietlyAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception)
        {
            // closing a channel of a dead connection
        }
    }
}
