using System.Text;
using Ctms.IntegrationTests.Support;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>The permissions add-site.sh grants, checked by the real broker: a site reads only its answers and writes only as itself.</summary>
[Trait("Category", "SiteSync")]
public sealed class SitePermissionTests
{
    [RabbitFact]
    public async Task Site_A_cannot_consume_site_Bs_queue_nor_publish_into_its_exchange_nor_publish_as_site_B()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var siteA = await TestSite.AddAsync(backend.Rabbit!);
        await using var siteB = await TestSite.AddAsync(backend.Rabbit!);
        await using var connection = await siteA.ConnectAsync();

        await using (var own = await connection.CreateChannelAsync())
        {
            // Its own outbound queue is readable (empty).
            Assert.Null(await own.BasicGetAsync(siteA.OutboundQueue, autoAck: true));
        }

        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.BasicGetAsync(siteB.OutboundQueue, autoAck: true));
            Assert.Equal(403, refused.ShutdownReason!.ReplyCode);
        }

        await using (var channel = await connection.CreateChannelAsync())
        {
            var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.BasicGetAsync(siteB.ErrorQueue, autoAck: true));
            Assert.Equal(403, refused.ShutdownReason!.ReplyCode);
        }

        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            var exception = await Assert.ThrowsAnyAsync<Exception>(() => channel.BasicPublishAsync(siteB.InboundExchange, "", false,
                new BasicProperties { UserId = siteA.User }, Encoding.UTF8.GetBytes("{}")).AsTask());
            Assert.Equal(403, ReplyCode(exception, channel));
        }

        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            // Its own exchange, but claiming to be site B: the broker checks user_id against the connection's user.
            var exception = await Assert.ThrowsAnyAsync<Exception>(() => channel.BasicPublishAsync(siteA.InboundExchange, "", false,
                new BasicProperties { UserId = siteB.User }, Encoding.UTF8.GetBytes("{}")).AsTask());
            Assert.Equal(406, ReplyCode(exception, channel));
        }

        await using (var channel = await connection.CreateChannelAsync())
        {
            // Nor may it create queues or exchanges of its own (configure ^$).
            var refused = await Assert.ThrowsAnyAsync<OperationInterruptedException>(() => channel.QueueDeclareAsync("ctms.site.sneaky", false, false, true));
            Assert.Equal(403, refused.ShutdownReason!.ReplyCode);
        }
    }

    private static int ReplyCode(Exception exception, IChannel channel) =>
        (exception as OperationInterruptedException)?.ShutdownReason?.ReplyCode
        ?? (exception as AlreadyClosedException)?.ShutdownReason?.ReplyCode
        ?? channel.CloseReason?.ReplyCode
        ?? -1;
}
