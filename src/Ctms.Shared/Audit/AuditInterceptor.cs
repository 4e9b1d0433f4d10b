using System.Globalization;
using Ctms.Shared.Persistence;
using Ctms.Shared.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ctms.Shared.Audit;

/// <summary>
/// Writes the audit trail of a module context in the same transaction as the change. For a SaveChanges that
/// touches an <see cref="IAuditable"/> entity or carries audit events, it takes over the save: inside the
/// execution strategy and a transaction (the caller's, or its own) it locks the module's chain head, chains
/// the new entries after the last one, saves everything, moves the head and commits. Concurrent writers of a
/// module therefore chain strictly one after the other, on PostgreSQL, SQL Server and SQLite alike.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser currentUser, IAuditReason reason, TimeProvider clock) : SaveChangesInterceptor
{
    public const string SystemUser = "system";

    private readonly HashSet<DbContext> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } context || context is not IModuleDbContext || result.HasResult || _saving.Contains(context))
        {
            return result;
        }

        context.ChangeTracker.DetectChanges();
        GuardAppendOnly(context);
        var changes = CaptureChanges(context);
        if (changes.Count == 0 && !PendingEvents(context).Any())
        {
            return result;
        }

        _saving.Add(context);
        try
        {
            var saved = await SaveChainedAsync(context, changes, cancellationToken);
            return InterceptionResult<int>.SuppressWithResult(saved);
        }
        finally
        {
            _saving.Remove(context);
        }
    }

    private async Task<int> SaveChainedAsync(DbContext context, List<AuditEntry> changes, CancellationToken cancellationToken)
    {
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            var events = PendingEvents(context).ToList();
            var ownTransaction = context.Database.CurrentTransaction is null
                ? await context.Database.BeginTransactionAsync(ct)
                : null;
            try
            {
                var heads = context.Set<AuditChainHead>();
                // The UPDATE takes the row (or, on SQLite, the database) write lock until commit.
                var locked = await heads.Where(h => h.Id == AuditChainHead.SingletonId)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.Version, h => h.Version + 1), ct);
                if (locked == 0)
                {
                    throw new InvalidOperationException(
                        $"The audit chain head of {context.GetType().Name} is missing; the database was not migrated.");
                }

                var head = await heads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, ct);
                var now = clock.GetUtcNow();
                var userId = currentUser.IsAuthenticated ? currentUser.UserId ?? currentUser.DisplayName : SystemUser;
                var userName = currentUser.IsAuthenticated ? currentUser.DisplayName : SystemUser;
                var sequence = head.LastSequence;
                var previous = head.LastHash;
                foreach (var entry in events.Concat(changes))
                {
                    entry.Chain(++sequence, now, userId, userName, reason.Current, previous);
                    previous = entry.Hash;
                }

                context.Set<AuditEntry>().AddRange(changes);
                var saved = await context.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                await heads.Where(h => h.Id == AuditChainHead.SingletonId)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous), ct);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(ct);
                }

                context.ChangeTracker.AcceptAllChanges();
                return saved;
            }
            catch
            {
                // Leave the tracker as it was before this save: the caller may retry, and so may the strategy.
                foreach (var entry in changes)
                {
                    context.Entry(entry).State = EntityState.Detached;
                    entry.Unchain();
                }

                events.ForEach(e => e.Unchain());
                throw;
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }, cancellationToken);
    }

    private static IEnumerable<AuditEntry> PendingEvents(DbContext context) =>
        context.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);

    private static void GuardAppendOnly(DbContext context)
    {
        if (context.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries are append-only: they are never updated or deleted.");
        }
    }

    private List<AuditEntry> CaptureChanges(DbContext context)
    {
        var entries = new List<AuditEntry>();
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is not IAuditable auditable ||
                entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var type = entry.Metadata.ClrType.Name;
            var id = KeyOf(entry);
            var location = LocationOf(entry);
            if (entry.State != EntityState.Added && auditable is IRequiresReasonForChange && string.IsNullOrWhiteSpace(reason.Current))
            {
                throw new AuditReasonRequiredException(type, id);
            }

            var ignored = auditable.AuditIgnoredProperties;
            var redacted = auditable.AuditRedactedProperties;
            foreach (var property in entry.Properties)
            {
                var name = property.Metadata.Name;
                if (property.Metadata.IsConcurrencyToken || ignored.Contains(name))
                {
                    continue;
                }

                var (action, oldValue, newValue) = entry.State switch
                {
                    EntityState.Added => (AuditActions.Created, null, Format(property.CurrentValue)),
                    EntityState.Deleted => (AuditActions.Deleted, Format(property.OriginalValue), null),
                    _ => (AuditActions.Updated, Format(property.OriginalValue), Format(property.CurrentValue)),
                };
                if ((entry.State == EntityState.Modified && (!property.IsModified || oldValue == newValue)) ||
                    (entry.State == EntityState.Added && newValue is null))
                {
                    continue;
                }

                if (redacted.Contains(name))
                {
                    (oldValue, newValue) = (oldValue is null ? null : "[redacted]", newValue is null ? null : "[redacted]");
                }

                entries.Add(AuditEntry.Change(type, id, action, name, oldValue, newValue, location));
            }
        }

        return entries;
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));

    private static string? LocationOf(EntityEntry entry)
    {
        if (entry.Metadata.FindProperty("SiteId") is { } siteId)
        {
            return Format(entry.Property(siteId.Name).CurrentValue);
        }

        return entry.Metadata.ClrType.Name == "Site" ? KeyOf(entry) : null;
    }

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
