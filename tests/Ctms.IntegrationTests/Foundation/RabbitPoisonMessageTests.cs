using System.Net;
using System.Text;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Messaging;
using RabbitMQ.Client;

namespace Ctms.IntegrationTests.Foundation;

/// <summary>What a consumer queue on the real broker does with bytes that are not a message at all.</summary>
[Trait("Category", "Foundation")]
public sealed class RabbitPoisonMessageTests
{
    [PostgresRabbitFact]
    public async Task Malformed_json_on_a_consumer_queue_ends_in_its_error_queue_and_the_host_keeps_running()
    {
        await using var backend = await TestBackend.PostgresRabbitAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        var rabbit = backend.Rabbit!;
        var queue = ModuleConsumers.EndpointName("test", "reporting", typeof(Ctms.Reporting.ReportingModule).Assembly
            .GetTypes().Single(t => t.Name == "SubjectEnrolledConsumer"));

        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host, Port = rabbit.Port, UserName = rabbit.Username, Password = rabbit.Password, VirtualHost = rabbit.VirtualHost,
        };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync("", queue, mandatory: true, properties, Encoding.UTF8.GetBytes("{ this is not json"));

        await Eventually.Until(() => MessagesInAsync(connection, queue + "_error"),
            n => n == 1, $"the malformed message to reach {queue}_error", TimeSpan.FromSeconds(30));

        using var health = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(0, await app.ReportedEnrolledAsync(DemoIds.TrialOncology, DemoIds.SiteOncologySeoul));
    }

    /// <summary>MassTransit creates the error queue with the first fault; until then it does not exist (0).</summary>
    private static async Task<uint> MessagesInAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }
}
