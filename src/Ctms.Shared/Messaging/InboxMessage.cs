namespace Ctms.Shared.Messaging;

/// <summary>
/// A message a consumer has already applied. Its key (message id, consumer) is unique, so recording a
/// redelivered message fails and the consumer's effect with it.
/// </summary>
public sealed class InboxMessage
{
    private InboxMessage() { }

    public InboxMessage(Guid messageId, string consumer, DateTimeOffset processedAt)
    {
        MessageId = messageId;
        Consumer = consumer;
        ProcessedAt = processedAt;
    }

    public Guid MessageId { get; private set; }
    public string Consumer { get; private set; } = "";
    public DateTimeOffset ProcessedAt { get; private set; }
}
