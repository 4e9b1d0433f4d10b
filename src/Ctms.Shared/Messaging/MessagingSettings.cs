using Microsoft.Extensions.Configuration;

namespace Ctms.Shared.Messaging;

public enum MessagingTransport
{
    InMemory,
    RabbitMq,
}

public sealed record RabbitMqSettings(string Host, ushort Port, string VirtualHost, string Username, string Password);

/// <summary>The bus choice and this deployment's center id, read and checked once at start.</summary>
public sealed record MessagingSettings(string CenterId, MessagingTransport Transport, RabbitMqSettings? RabbitMq)
{
    public const string TransportKey = "Messaging:Transport";
    public const string CenterKey = "Center:Id";

    public static MessagingSettings Read(IConfiguration configuration)
    {
        var center = configuration[CenterKey];
        if (string.IsNullOrWhiteSpace(center))
        {
            center = "local";
        }
        else if (!center.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new InvalidOperationException(
                $"Setting '{CenterKey}' must be lower-case letters, digits and '-' (it prefixes queue names); got '{center}'.");
        }

        var raw = configuration[TransportKey];
        var transport = MessagingTransport.InMemory;
        if (!string.IsNullOrWhiteSpace(raw) &&
            (!Enum.GetNames<MessagingTransport>().Contains(raw, StringComparer.OrdinalIgnoreCase) ||
             !Enum.TryParse(raw, ignoreCase: true, out transport)))
        {
            throw new InvalidOperationException(
                $"Setting '{TransportKey}' has the unknown value '{raw}'. Valid values: {string.Join(" | ", Enum.GetNames<MessagingTransport>())}.");
        }

        if (transport == MessagingTransport.InMemory)
        {
            return new MessagingSettings(center, transport, null);
        }

        var section = configuration.GetSection("Messaging:RabbitMq");
        var host = section["Host"];
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new InvalidOperationException(
                $"Setting 'Messaging:RabbitMq:Host' is required when '{TransportKey}' is RabbitMq.");
        }

        ushort port = 5672;
        if (!string.IsNullOrWhiteSpace(section["Port"]) && (!ushort.TryParse(section["Port"], out port) || port == 0))
        {
            throw new InvalidOperationException($"Setting 'Messaging:RabbitMq:Port' must be a port number (1-65535); got '{section["Port"]}'.");
        }

        return new MessagingSettings(center, transport, new RabbitMqSettings(
            host, port, section["VirtualHost"] ?? "/", section["Username"] ?? "guest", section["Password"] ?? "guest"));
    }
}
