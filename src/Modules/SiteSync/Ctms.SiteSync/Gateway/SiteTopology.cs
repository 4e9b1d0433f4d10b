using RabbitMQ.Client;

namespace Ctms.SiteSync.Gateway;

/// <summary>The queue and exchange names of docs/messaging.md, and their idempotent declaration.</summary>
internal static class SiteTopology
{
    public const string OutboundExchange = "ctms.sites.out";

    public static string Inbound(RegisteredSite site) => $"ctms.site.{site.Lower}.in";
    public static string DeadLetter(RegisteredSite site) => $"ctms.site.{site.Lower}.dlx";
    public static string Error(RegisteredSite site) => $"ctms.site.{site.Lower}.in.error";
    public static string Outbound(RegisteredSite site) => $"ctms.site.{site.Lower}.out";

    /// <summary>Same arguments as infra/rabbitmq: a redeclaration with other arguments would be refused by the broker.</summary>
    public static async Task DeclareAsync(IChannel channel, RegisteredSite site, CancellationToken cancellationToken)
    {
        await channel.ExchangeDeclareAsync(OutboundExchange, ExchangeType.Direct, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(Inbound(site), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(DeadLetter(site), ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Inbound(site), durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-queue-type"] = "quorum",
            ["x-dead-letter-exchange"] = DeadLetter(site),
            ["x-single-active-consumer"] = true,
        }, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Error(site), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Outbound(site), durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Inbound(site), Inbound(site), "", cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Error(site), DeadLetter(site), "", cancellationToken: cancellationToken);
        await channel.QueueBindAsync(Outbound(site), OutboundExchange, site.Lower, cancellationToken: cancellationToken);
    }
}
