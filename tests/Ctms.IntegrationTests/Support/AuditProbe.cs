using Ctms.Shared.Audit;
using Ctms.Shared.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Ctms.IntegrationTests.Support;

/// <summary>Reads the audit trail through the app, and tampers with it behind the app's back (raw SQL).</summary>
public static class AuditProbe
{
    public static async Task<IReadOnlyList<AuditVerification>> VerifyAsync(this CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAllAsync();
    }

    public static async Task<IReadOnlyList<AuditRecord>> AuditAsync(this CtmsAppFactory app, AuditQuery query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditTrail>().QueryAsync(query);
    }

    /// <summary>The module's audit table, as raw SQL names it on the app's provider.</summary>
    public static string AuditTable(this CtmsAppFactory app, string module) =>
        app.Services.GetRequiredService<DatabaseSettings>().Provider == DatabaseProvider.Sqlite
            ? $"\"{module}_AuditEntries\""
            : $"\"{module}\".\"AuditEntries\"";

    public static async Task<int> ExecuteSqlAsync(this CtmsAppFactory app, string sql)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var sqlite = new SqliteConnection(settings.ConnectionString);
            await sqlite.OpenAsync();
            await using var command = sqlite.CreateCommand();
            command.CommandText = sql;
            return await command.ExecuteNonQueryAsync();
        }

        await using var postgres = new NpgsqlConnection(settings.ConnectionString);
        await postgres.OpenAsync();
        await using var pgCommand = new NpgsqlCommand(sql, postgres);
        return await pgCommand.ExecuteNonQueryAsync();
    }
}
