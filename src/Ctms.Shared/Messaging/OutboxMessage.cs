using System.Text.Json;

namespace Ctms.Shared.Messaging;

/// <summary>
/// An integration event waiting to be published, written in the same SaveChanges as the state change that
/// raised it. <see cref="Id"/> becomes the bus MessageId, which is what consumers' inboxes de-duplicate on.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage() { }

    public long Sequence { get; private set; }
    public Guid Id { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage From(object integrationEvent, DateTimeOffset occurredAt)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Type = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Payload = JsonSerializer.Serialize(integrationEvent, type, OutboxJson.Options),
            OccurredAt = occurredAt,
        };
    }

    public object Deserialize()
    {
        var type = System.Type.GetType(Type, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {Id} has the unknown type '{Type}'.");
        return JsonSerializer.Deserialize(Payload, type, OutboxJson.Options)
            ?? throw new InvalidOperationException($"Outbox message {Id} has an empty payload.");
    }

    public void MarkSent(DateTimeOffset at)
    {
        SentAt = at;
        LastError = null;
        NextAttemptAt = null;
    }

    /// <summary>Exponential backoff from one second, capped at five minutes.</summary>
    public void MarkFailed(DateTimeOffset at, string error)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        var delay = TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(Attempts - 1, 10))));
        NextAttemptAt = at + delay;
    }
}

internal static class OutboxJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
