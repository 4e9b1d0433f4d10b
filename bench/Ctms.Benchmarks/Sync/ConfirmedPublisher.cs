using RabbitMQ.Client;

namespace Ctms.Benchmarks.Sync;

/// <summary>
/// Publishes persistent messages with publisher confirms, keeping a window of them in flight (as a site system that
/// resends on a missing confirm would), in the order given, so one subject's sequence reaches the queue in order.
/// </summary>
internal sealed class ConfirmedPublisher(IChannel channel, string userId)
{
    public const int InFlight = 256;

    public static async Task<ConfirmedPublisher> OpenAsync(IConnection connection, string userId) =>
        new(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)), userId);

    public IChannel Channel => channel;

    public async Task PublishAsync(string exchange, IEnumerable<OutgoingMessage> messages)
    {
        var window = new List<Task>(InFlight);
        foreach (var message in messages)
        {
            var properties = new BasicProperties
            {
                MessageId = message.MessageId.ToString(),
                Type = message.Type,
                UserId = userId,
                ContentType = "application/json",
                DeliveryMode = DeliveryModes.Persistent,
            };
            window.Add(channel.BasicPublishAsync(exchange, message.Type, mandatory: false, properties, message.Body).AsTask());
            if (window.Count == InFlight)
            {
                await Task.WhenAll(window);
                window.Clear();
            }
        }

        await Task.WhenAll(window);
    }
}
