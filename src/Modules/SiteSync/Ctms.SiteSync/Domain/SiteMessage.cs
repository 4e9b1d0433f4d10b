namespace Ctms.SiteSync.Domain;

/// <summary>Where a site message stands. Stored as text; the values are part of the status page and the docs.</summary>
internal static class SiteMessageStatus
{
    public const string Applying = "applying";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Parked = "parked";

    /// <summary>
    /// An operator decides: a stored message that failed to apply <c>MaxApplyAttempts</c> times, or one left by a version
    /// before idempotency keys (the process died between the Subjects commit and ours). A crash alone never leads here
    /// today: the message is applied again with its key (docs/messaging.md).
    /// </summary>
    public const string InDoubt = "in-doubt";
}

/// <summary>
/// One message a site sent, keyed by its message id: the idempotency record (a duplicate gets <see cref="AnswerJson"/>
/// again), the parking place for messages that wait for predecessors, and the status page's source.
/// </summary>
internal sealed class SiteMessage
{
    private SiteMessage()
    {
    }

    public SiteMessage(Guid messageId, string siteCode, string? type, string rawJson, DateTimeOffset receivedAt)
    {
        MessageId = messageId;
        SiteCode = siteCode;
        Type = type is { Length: > 50 } ? type[..50] : type;
        RawJson = rawJson;
        ReceivedAt = receivedAt;
        Status = SiteMessageStatus.Applying;
    }

    public Guid MessageId { get; private set; }
    public string SiteCode { get; private set; } = "";
    public string? Type { get; private set; }
    public string? SubjectNumber { get; private set; }
    public int? Sequence { get; private set; }
    public string? EnteredBy { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? CorrelationId { get; private set; }
    public string RawJson { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public DateTimeOffset? ProcessedAt { get; private set; }
    public string Status { get; private set; } = "";
    public string? ReasonsJson { get; private set; }
    public string? AnswerJson { get; private set; }
    public int Attempts { get; private set; }

    public void Describe(string? subjectNumber, int? sequence, string? enteredBy, DateTimeOffset? sentAt, string? correlationId)
    {
        SubjectNumber = subjectNumber;
        Sequence = sequence;
        EnteredBy = enteredBy;
        SentAt = sentAt;
        CorrelationId = correlationId;
    }

    public void MarkApplying()
    {
        Status = SiteMessageStatus.Applying;
        Attempts++;
    }

    public void Park() => Status = SiteMessageStatus.Parked;

    public void MarkInDoubt() => Status = SiteMessageStatus.InDoubt;

    public void Complete(bool accepted, string? reasonsJson, string answerJson, DateTimeOffset at)
    {
        Status = accepted ? SiteMessageStatus.Accepted : SiteMessageStatus.Rejected;
        ReasonsJson = reasonsJson;
        AnswerJson = answerJson;
        ProcessedAt = at;
    }
}
