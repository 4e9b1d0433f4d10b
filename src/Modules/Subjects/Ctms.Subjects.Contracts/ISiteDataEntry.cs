namespace Ctms.Subjects.Contracts;

/// <summary>
/// The Subjects module's commands for data that arrives from a site system (SiteSync). Each call runs the same
/// handler, validation and domain rules as the UI, as the current user of the scope (the caller establishes a
/// user at the site, e.g. the staff member named in the message). Nothing is written when the result has errors.
/// <para>
/// Every entry takes an optional <see cref="SiteEntry.IdempotencyKey"/> (SiteSync passes the site message id). With a
/// key, the outcome is recorded in the same transaction as the effect, and a later call with the same key returns that
/// first outcome (<see cref="DataEntryResult.Repeated"/> set) without applying anything again, whatever the entry says.
/// </para>
/// </summary>
public interface ISiteDataEntry
{
    Task<DataEntryResult> ScreenAsync(ScreenSubjectEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> SignConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> AssessEligibilityAsync(EligibilityEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Enrolls and, when the trial randomizes, randomizes in the same request; the outcome names the arm.</summary>
    Task<DataEntryResult> EnrollAsync(EnrollmentEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> RecordVisitAsync(VisitEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> MarkVisitMissedAsync(MissedVisitEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> ReportAdverseEventAsync(AdverseEventEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> ReportDeviationAsync(DeviationEntry entry, CancellationToken cancellationToken = default);

    Task<DataEntryResult> WithdrawAsync(WithdrawalEntry entry, CancellationToken cancellationToken = default);
}

/// <summary>Why an entry was refused. <see cref="Field"/> names the input at fault (camelCase), when there is one.</summary>
public sealed record DataEntryError(string Code, string Message, string? Field = null);

/// <param name="SubjectId">The subject concerned (set on success; for screening, the new subject).</param>
/// <param name="SubjectNumber">The subject number (set on success; for screening, the one issued).</param>
public sealed record DataEntryResult(bool Succeeded, IReadOnlyList<DataEntryError> Errors, Guid? SubjectId = null, string? SubjectNumber = null)
{
    public bool? Eligible { get; init; }
    public Guid? ArmId { get; init; }
    public string? ArmName { get; init; }

    /// <summary>True when this is the recorded outcome of an earlier call with the same idempotency key: nothing was applied now.</summary>
    public bool Repeated { get; init; }

    public static DataEntryResult Refused(params DataEntryError[] errors) => new(false, errors);
}

/// <summary>What every data entry has in common.</summary>
public abstract record SiteEntry
{
    /// <summary>
    /// Makes the entry idempotent: the caller's identifier of the fact (e.g. the site message id), never reused for
    /// another fact. Null: applied every time it is called.
    /// </summary>
    public Guid? IdempotencyKey { get; init; }
}

/// <param name="Identifiers">Direct identifiers, stored encrypted in the Subjects module and never published.</param>
public sealed record ScreenSubjectEntry(Guid SiteId, DateOnly ScreenedOn, SubjectIdentifiers? Identifiers) : SiteEntry;

public sealed record SubjectIdentifiers(string? FullName, DateOnly? BirthDate, string? Contact);

public sealed record ConsentEntry(Guid SiteId, string SubjectNumber, Guid ConsentVersionId, DateOnly SignedOn) : SiteEntry;

/// <param name="Answers">Criterion text → met (true/false), for every inclusion and exclusion criterion of the protocol version.</param>
public sealed record EligibilityEntry(Guid SiteId, string SubjectNumber, IReadOnlyDictionary<string, bool> Answers, DateOnly AssessedOn) : SiteEntry;

/// <param name="StratificationFactors">Factor name → level, for every factor the trial declares (empty when none).</param>
public sealed record EnrollmentEntry(Guid SiteId, string SubjectNumber, IReadOnlyDictionary<string, string> StratificationFactors) : SiteEntry;

public sealed record VisitEntry(Guid SiteId, string SubjectNumber, string VisitName, DateOnly OccurredOn, string? OutOfWindowReason) : SiteEntry;

public sealed record MissedVisitEntry(Guid SiteId, string SubjectNumber, string VisitName, string Reason) : SiteEntry;

public sealed record AdverseEventEntry(
    Guid SiteId,
    string SubjectNumber,
    string Term,
    DateOnly OnsetOn,
    string Severity,
    string Causality,
    IReadOnlyList<string> SeriousnessCriteria,
    DateTimeOffset AwareAt) : SiteEntry;

public sealed record DeviationEntry(Guid SiteId, string? SubjectNumber, string Category, string Severity, string Description, DateOnly OccurredOn, DateOnly IdentifiedOn) : SiteEntry;

public sealed record WithdrawalEntry(Guid SiteId, string SubjectNumber, string Reason, DateOnly WithdrawnOn) : SiteEntry;
