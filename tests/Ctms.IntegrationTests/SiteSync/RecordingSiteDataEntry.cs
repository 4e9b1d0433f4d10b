using System.Collections.Concurrent;
using Ctms.Shared.Security;
using Ctms.Subjects.Contracts;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>One call the gateway made into the Subjects module, with the acting user it established.</summary>
public sealed record RecordedEntry(string Method, object Entry, string? UserId, IReadOnlySet<Guid> UserSites, bool IsCoordinator);

/// <summary>What the stand-in recorded; it outlives hosts so a restarted central adds to the same list.</summary>
public sealed class EntryLog
{
    public ConcurrentQueue<RecordedEntry> Calls { get; } = new();

    public IReadOnlyList<T> Of<T>() => Calls.Select(c => c.Entry).OfType<T>().ToList();
}

/// <summary>
/// A test stand-in for the Subjects module's <see cref="ISiteDataEntry"/> that records each call: the gateway's
/// transport, validation, idempotency and sequencing are tested through it. Refuses what the real module would refuse
/// in the cases the tests use ("refuse…" deviations, an out-of-window visit without a reason).
/// </summary>
public sealed class RecordingSiteDataEntry(EntryLog log, ICurrentUser user) : ISiteDataEntry
{
    private static int _screened;

    public Task<DataEntryResult> ScreenAsync(ScreenSubjectEntry entry, CancellationToken cancellationToken = default) =>
        Record(entry, new DataEntryResult(true, [], Guid.NewGuid(), $"SCR-{Interlocked.Increment(ref _screened):0000}"));

    public Task<DataEntryResult> SignConsentAsync(ConsentEntry entry, CancellationToken cancellationToken = default) => Record(entry);

    public Task<DataEntryResult> AssessEligibilityAsync(EligibilityEntry entry, CancellationToken cancellationToken = default) => Record(entry);

    public Task<DataEntryResult> EnrollAsync(EnrollmentEntry entry, CancellationToken cancellationToken = default) =>
        Record(entry, new DataEntryResult(true, [], Guid.NewGuid(), entry.SubjectNumber) { ArmName = "Arm A" });

    public Task<DataEntryResult> RecordVisitAsync(VisitEntry entry, CancellationToken cancellationToken = default) =>
        entry.VisitName == "Late visit" && entry.OutOfWindowReason is null
            ? Task.FromResult(DataEntryResult.Refused(new DataEntryError("out-of-window-reason-required",
                "The visit is outside its window: give a reason.", "outOfWindowReason")))
            : Record(entry);

    public Task<DataEntryResult> MarkVisitMissedAsync(MissedVisitEntry entry, CancellationToken cancellationToken = default) => Record(entry);

    public Task<DataEntryResult> ReportAdverseEventAsync(AdverseEventEntry entry, CancellationToken cancellationToken = default) => Record(entry);

    public Task<DataEntryResult> ReportDeviationAsync(DeviationEntry entry, CancellationToken cancellationToken = default) =>
        entry.Description.StartsWith("refuse", StringComparison.Ordinal)
            ? Task.FromResult(DataEntryResult.Refused(new DataEntryError("deviation-refused", "Refused by the stand-in.", "description")))
            : Record(entry);

    public Task<DataEntryResult> WithdrawAsync(WithdrawalEntry entry, CancellationToken cancellationToken = default) => Record(entry);

    private Task<DataEntryResult> Record(object entry, DataEntryResult? result = null)
    {
        var method = entry.GetType().Name;
        log.Calls.Enqueue(new RecordedEntry(method, entry, user.UserId, user.SiteIds, user.IsInRole(CtmsRoles.Coordinator)));
        return Task.FromResult(result ?? new DataEntryResult(true, []));
    }
}
