using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ctms.Shared.Persistence;

/// <summary>
/// Writes many rows of one mapped entity type straight to its table, for data loads (the scale seeder): PostgreSQL
/// binary COPY, elsewhere one prepared INSERT re-executed in a single transaction. Table, column names, value converters
/// (ticks for DateTimeOffset on SQLite, JSON primitive collections) and parameter types come from the context's model,
/// so the rows land exactly as EF Core would write them. It bypasses change tracking, the audit interceptor and the
/// outbox on purpose: a bulk load is not a user's change and publishes nothing.
/// </summary>
public static class BulkInsert
{
    /// <summary>
    /// Inserts <paramref name="rows"/>: each holds the values of <paramref name="properties"/> (model property names) in
    /// that order; properties not named get their CLR default (null, 0, false, "" for required strings).
    /// </summary>
    public static async Task<int> WriteAsync<TEntity>(DbContext db, IReadOnlyList<string> properties, IEnumerable<object?[]> rows,
        CancellationToken ct = default)
        where TEntity : class
    {
        var entity = db.Model.FindEntityType(typeof(TEntity))
                     ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped by {db.GetType().Name}.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var unknown = properties.Except(columns.Select(c => c.Name)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{typeof(TEntity).Name} has no mapped properties {string.Join(", ", unknown)}.");
        }

        var positions = columns.Select(c => properties.ToList().IndexOf(c.Name)).ToArray();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            return connection is NpgsqlConnection npgsql
                ? await CopyAsync(npgsql, table, columns, positions, rows, ct)
                : await InsertAsync(db, connection, table, columns, positions, rows, ct);
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private static object? ValueOf(IProperty column, object?[] row, int position)
    {
        var value = position >= 0 ? row[position] : DefaultOf(column);
        var converter = column.GetTypeMapping().Converter;
        return value is null || converter is null ? value : converter.ConvertToProvider(value);
    }

    private static object? DefaultOf(IProperty column) =>
        column.IsNullable ? null
        : column.ClrType == typeof(string) ? ""
        : column.ClrType.IsValueType ? Activator.CreateInstance(column.ClrType)
        : null;

    private static async Task<int> CopyAsync(NpgsqlConnection connection, StoreObjectIdentifier table, List<IProperty> columns, int[] positions,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var names = string.Join(", ", columns.Select(c => Quote(c.GetColumnName(table)!)));
        var target = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        // The store type without its facets ("character varying(64)" → "character varying") names the wire format.
        var types = columns.Select(c => c.GetColumnType().Split('(')[0]).ToArray();
        var count = 0;
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = ValueOf(columns[i], row, positions[i]);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct);
                }
                else
                {
                    await writer.WriteAsync(value, types[i], ct);
                }
            }

            count++;
        }

        await writer.CompleteAsync(ct);
        return count;
    }

    private static async Task<int> InsertAsync(DbContext db, DbConnection connection, StoreObjectIdentifier table, List<IProperty> columns, int[] positions,
        IEnumerable<object?[]> rows, CancellationToken ct)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        if (sqlite)
        {
            // Index pages of a million-row table stay in memory during the load instead of being re-read (default cache: 2 MB).
            await ExecuteAsync(connection, "PRAGMA cache_size = -262144", ct);
        }

        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        var parameters = columns.Select((c, i) => c.GetRelationalTypeMapping().CreateParameter(command, "@p" + i, null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);

        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = ValueOf(columns[i], row, positions[i]) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
            count++;
        }

        await transaction.CommitAsync(ct);
        if (sqlite)
        {
            await ExecuteAsync(connection, "PRAGMA cache_size = -2000", ct);
        }

        return count;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
