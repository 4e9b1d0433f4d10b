using Ctms.Shared.Audit;
using Ctms.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Ctms.Shared.Persistence;

public static class ModuleModelBuilderExtensions
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";

    public static bool IsSqliteProvider(this DatabaseFacade database) => database.ProviderName == SqliteProviderName;

    /// <summary>
    /// Adds the module's outbox, inbox and audit tables (AuditEntries, AuditChainHeads), then places every table in the module's schema.
    /// SQLite has no schemas, so there the schema becomes a table prefix (<c>subjects_Subjects</c>).
    /// Call last in OnModelCreating.
    /// </summary>
    public static void ApplyModuleConventions(this ModelBuilder modelBuilder, string schema, bool isSqlite)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new AuditChainHeadConfiguration());

        if (!isSqlite)
        {
            modelBuilder.HasDefaultSchema(schema);
            return;
        }

        foreach (var entity in modelBuilder.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            if (!table.StartsWith(schema + "_", StringComparison.Ordinal))
            {
                entity.SetTableName($"{schema}_{table}");
            }

            entity.SetSchema(null);
        }

        // SQLite stores DateTimeOffset as text and cannot order or compare it; store UTC ticks instead.
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetProperties()))
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                property.SetValueConverter(property.ClrType == typeof(DateTimeOffset)
                    ? SqliteDateTimeOffsetConverters.NonNullable
                    : SqliteDateTimeOffsetConverters.Nullable);
            }
        }
    }
}
