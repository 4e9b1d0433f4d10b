using Microsoft.EntityFrameworkCore;

namespace Ctms.Shared.Audit;

/// <summary>The outcome of verifying one module's chain; <see cref="FirstBrokenSequence"/> names the first bad entry.</summary>
public sealed record AuditVerification(string Module, bool IsIntact, long EntriesChecked, long? FirstBrokenSequence, string? Problem)
{
    public string Display => IsIntact
        ? $"{Module}: OK ({EntriesChecked} entries)"
        : $"{Module}: BROKEN at entry {FirstBrokenSequence}: {Problem}";
}

/// <summary>A filter over the audit trail (all optional).</summary>
public sealed record AuditQuery(
    string? Module = null,
    string? EntityType = null,
    string? EntityId = null,
    string? UserId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Take = 500);

/// <summary>An audit entry as the viewer and the exports show it, with the module it belongs to.</summary>
public sealed record AuditRecord(
    string Module, long Sequence, DateTimeOffset At, string UserId, string UserName, string EntityType, string EntityId,
    string Action, string? Field, string? OldValue, string? NewValue, string? Reason, string? Location, string Hash);

/// <summary>One module's audit trail: registered for every module context, so tools read and verify them all.</summary>
public interface IAuditTrailSource
{
    string Module { get; }
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);
}

internal sealed class AuditTrailSource<TContext>(TContext db, string module) : IAuditTrailSource where TContext : DbContext
{
    private const int PageSize = 1000;

    // Live writers may append while a chain is verified; catch up this many times before calling the end missing.
    private const int MaxCatchUps = 5;

    public string Module => module;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        long expected = 1;
        var previousHash = AuditEntry.GenesisHash;
        long checkedCount = 0;
        for (var attempt = 1; ; attempt++)
        {
            while (true)
            {
                var from = expected;
                var page = await db.Set<AuditEntry>().AsNoTracking()
                    .Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(PageSize).ToListAsync(cancellationToken);
                foreach (var entry in page)
                {
                    if (entry.Sequence != expected)
                    {
                        return Broken(checkedCount, expected, $"entry {expected} is missing (the next stored entry is {entry.Sequence})");
                    }

                    if (entry.PreviousHash != previousHash)
                    {
                        return Broken(checkedCount, entry.Sequence, "its previous-hash does not match the entry before it");
                    }

                    if (entry.ComputeHash() != entry.Hash)
                    {
                        return Broken(checkedCount, entry.Sequence, "its content does not match its hash (the entry was changed)");
                    }

                    previousHash = entry.Hash;
                    expected++;
                    checkedCount++;
                }

                if (page.Count < PageSize)
                {
                    break;
                }
            }

            // The head is read after the entries: writers update both in one transaction, so an honest head is never
            // behind the entries read before it, but it may be ahead when a writer committed in between.
            var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);
            var last = expected - 1;
            if (head is null)
            {
                return Broken(checkedCount, expected, "the chain head row is missing");
            }

            if (head.LastSequence == last && head.LastHash == previousHash)
            {
                return new AuditVerification(module, true, checkedCount, null, null);
            }

            if (head.LastSequence > last && attempt < MaxCatchUps)
            {
                continue;
            }

            return head.LastSequence > last
                ? Broken(checkedCount, last + 1, $"entries {last + 1} to {head.LastSequence} are missing (deleted at the end of the chain)")
                : Broken(checkedCount, head.LastSequence + 1, "the chain head does not match the last entry");
        }
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (query.Module is not null && !string.Equals(query.Module, module, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(query.EntityId))
        {
            entries = entries.Where(e => e.EntityId == query.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(query.UserId))
        {
            entries = entries.Where(e => e.UserId == query.UserId || e.UserName == query.UserId);
        }

        if (query.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        var rows = await entries.OrderByDescending(e => e.Sequence).Take(query.Take).ToListAsync(cancellationToken);
        return rows.Select(e => new AuditRecord(module, e.Sequence, e.At, e.UserId, e.UserName, e.EntityType, e.EntityId,
            e.Action, e.Field, e.OldValue, e.NewValue, e.Reason, e.Location, e.Hash)).ToList();
    }

    private AuditVerification Broken(long checkedCount, long sequence, string problem) =>
        new(module, false, checkedCount, sequence, problem);
}

/// <summary>Verifies and reads every module's trail together.</summary>
public sealed class AuditTrail(IEnumerable<IAuditTrailSource> sources)
{
    public IReadOnlyList<string> Modules => sources.Select(s => s.Module).ToList();

    public async Task<IReadOnlyList<AuditVerification>> VerifyAllAsync(CancellationToken cancellationToken = default)
    {
        var results = new List<AuditVerification>();
        foreach (var source in sources)
        {
            results.Add(await source.VerifyAsync(cancellationToken));
        }

        return results;
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        var all = new List<AuditRecord>();
        foreach (var source in sources)
        {
            all.AddRange(await source.QueryAsync(query, cancellationToken));
        }

        return all.OrderByDescending(r => r.At).ThenBy(r => r.Module, StringComparer.Ordinal).ThenByDescending(r => r.Sequence)
            .Take(query.Take).ToList();
    }
}

public static class AuditDbContextExtensions
{
    /// <summary>Queues an audit event in the module's trail; the caller's SaveChanges writes and chains it.</summary>
    public static void AddAuditEvent(this DbContext db, AuditEntry auditEvent) => db.Set<AuditEntry>().Add(auditEvent);
}
