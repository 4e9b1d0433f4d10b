namespace Ctms.Sites.Contracts.IntegrationEvents;

/// <summary>
/// A delegation log entry was added, edited (which invalidates a PI signature), signed by the PI or ended.
/// <paramref name="Change"/> is added, edited, signed or ended; <paramref name="SignedByPi"/> says whether a valid PI
/// signature covers the entry now. Responsibilities: informed-consent, eligibility-assessment, study-visits,
/// ae-assessment-reporting, investigational-product, data-entry.
/// </summary>
public sealed record DelegationChanged(
    Guid SiteId,
    Guid TrialId,
    Guid EntryId,
    string UserId,
    IReadOnlyList<string> Responsibilities,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Change,
    bool SignedByPi,
    DateTimeOffset OccurredAt);
