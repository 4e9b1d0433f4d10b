using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ctms.Reporting.Persistence;

/// <summary>
/// Creates a read-model row unless one with its key exists, as one statement that cannot fail on a duplicate key. Each
/// Reporting consumer has its own endpoint, so events about a new subject, visit or site (screened and consent signed,
/// schedule and visit occurred, site activated and status changed…) are applied at the same time; inserting through the
/// change tracker made all but one fail with a UNIQUE violation, which EF Core logs as an error and which only a second
/// application settled.
/// </summary>
internal static class FirstInsert
{
    /// <summary>The tracked row with <paramref name="fresh"/>'s key: the stored one, else <paramref name="fresh"/>'s values stored now.</summary>
    public static async Task<T> RowAsync<T>(ReportingDbContext db, T fresh, CancellationToken ct)
        where T : class =>
        await db.Set<T>().FindAsync(KeyOf(db, fresh), ct) ?? await StoredAsync(db, fresh, ct);

    /// <summary>
    /// As <see cref="RowAsync{T}"/> for a caller that has just looked for the row and not found it (one lookup fewer):
    /// <paramref name="fresh"/>'s values stored now, or the row another delivery stored since.
    /// </summary>
    public static async Task<T> StoredAsync<T>(ReportingDbContext db, T fresh, CancellationToken ct)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        await InsertIfAbsentAsync(db, entity, fresh, ct);
        return await db.Set<T>().FindAsync(KeyOf(db, fresh), ct)
               ?? throw new InvalidOperationException($"The {entity.GetTableName()} row just inserted is not there.");
    }

    private static object?[] KeyOf<T>(ReportingDbContext db, T fresh)
        where T : class =>
        db.Model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Select(p => p.GetGetter().GetClrValue(fresh)).ToArray();

    /// <summary>Stores <paramref name="fresh"/> unless a row with its key exists (which is then left as it is).</summary>
    public static Task InsertIfAbsentAsync<T>(ReportingDbContext db, T fresh, CancellationToken ct)
        where T : class =>
        InsertIfAbsentAsync(db, db.Model.FindEntityType(typeof(T))!, fresh, ct);

    private static async Task InsertIfAbsentAsync(ReportingDbContext db, IEntityType entity, object fresh, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().ToList();
        var keys = entity.FindPrimaryKey()!.Properties.Select(p => properties.IndexOf(p)).ToList();
        string Column(int i) => sql.DelimitIdentifier(properties[i].GetColumnName(table)!);

        // Parameters made by each column's own type mapping, so value converters (SQLite's DateTimeOffset ticks) apply.
        await using var parameterFactory = db.Database.GetDbConnection().CreateCommand();
        var parameters = properties.Select((p, i) => (object)p.GetRelationalTypeMapping()
            .CreateParameter(parameterFactory, $"first{i}", p.GetGetter().GetClrValue(fresh), p.IsNullable)).ToArray();

        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var columns = string.Join(", ", properties.Select((_, i) => Column(i)));
        var values = string.Join(", ", properties.Select((_, i) => $"{{{i}}}"));
        var statement = db.Database.IsSqlServer()
            // SQL Server has no ON CONFLICT: the range lock makes the existence check and the insert one step.
            ? $"INSERT INTO {name} ({columns}) SELECT {values} WHERE NOT EXISTS (SELECT 1 FROM {name} WITH (UPDLOCK, HOLDLOCK) WHERE " +
              string.Join(" AND ", keys.Select(i => $"{Column(i)} = {{{i}}}")) + ")"
            : $"INSERT INTO {name} ({columns}) VALUES ({values}) ON CONFLICT ({string.Join(", ", keys.Select(Column))}) DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(statement, parameters, ct);
    }
}
