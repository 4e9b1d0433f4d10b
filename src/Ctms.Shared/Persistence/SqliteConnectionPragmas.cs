using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ctms.Shared.Persistence;

/// <summary>
/// Sets the per-connection SQLite settings on every connection a module context opens (all module contexts share
/// one file, and pooled connections are reopened through here too). ADR 0020:
/// <c>busy_timeout</c> lets SQLite's own busy handler wait for the write lock in steps of a few milliseconds, where
/// Microsoft.Data.Sqlite would otherwise get SQLITE_BUSY at once and retry after sleeping 150 ms;
/// <c>synchronous = NORMAL</c> stops syncing the file on every commit, which in WAL mode still survives a crash of
/// the application (a power loss may drop the last commits, never corrupt the file).
/// </summary>
public sealed class SqliteConnectionPragmas : DbConnectionInterceptor
{
    public static readonly SqliteConnectionPragmas Instance = new();

    private SqliteConnectionPragmas() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (connection is SqliteConnection sqlite)
        {
            using var command = Command(sqlite);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (connection is SqliteConnection sqlite)
        {
            await using var command = Command(sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The wait matches the connection's command timeout (30 s by default; 0 = no limit), after which the command fails as before.</summary>
    private static SqliteCommand Command(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        var waitMs = connection.DefaultTimeout > 0 ? connection.DefaultTimeout * 1000 : int.MaxValue;
        command.CommandText = $"PRAGMA busy_timeout = {waitMs}; PRAGMA synchronous = NORMAL;";
        return command;
    }
}
