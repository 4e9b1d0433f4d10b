namespace Ctms.Subjects.Domain;

/// <summary>
/// The outcome of a site data entry made with an idempotency key, committed with its effect: a repeat of the key (a
/// SiteSync re-apply after a crash between the two modules' commits) gets this outcome back instead of a second effect.
/// </summary>
internal sealed class SiteEntryReceipt
{
    private SiteEntryReceipt() { }

    public SiteEntryReceipt(Guid key, string operation, string outcomeJson, DateTimeOffset recordedAt)
    {
        Key = key;
        Operation = operation;
        OutcomeJson = outcomeJson;
        RecordedAt = recordedAt;
    }

    public Guid Key { get; private set; }

    /// <summary>Which entry the key was used for, so a key reused for another kind of entry is recognised.</summary>
    public string Operation { get; private set; } = "";

    public string OutcomeJson { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }
}
