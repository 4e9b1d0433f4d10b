namespace Ctms.SiteSync.Domain;

/// <summary>
/// A central → site message waiting for the gateway to publish it to the site's outbound queue (the SiteSync outbox for
/// sites). Written in the same SaveChanges as the outcome or the consumed event that caused it.
/// </summary>
internal sealed class OutboundSiteMessage
{
    private OutboundSiteMessage()
    {
    }

    public OutboundSiteMessage(Guid messageId, string siteCode, string type, string json, DateTimeOffset createdAt)
    {
        MessageId = messageId;
        SiteCode = siteCode;
        Type = type;
        Json = json;
        CreatedAt = createdAt;
    }

    public long Id { get; private set; }
    public Guid MessageId { get; private set; }
    public string SiteCode { get; private set; } = "";
    public string Type { get; private set; } = "";
    public string Json { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    public void MarkSent(DateTimeOffset at) => SentAt = at;
}
