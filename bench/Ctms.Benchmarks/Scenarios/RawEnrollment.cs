using System.Data.Common;
using System.Text.Json;
using Ctms.Shared.Persistence;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// The baseline for enrollment: the same rows the real handler writes (both counters bumped, a subject row,
/// an unsent outbox row), in one transaction on the same database, by hand-written ADO.NET. No scope check,
/// no site/trial reads, no caps: what the command path adds is what the ratio shows.
/// </summary>
internal sealed class RawEnrollment(DatabaseSettings settings, Guid trialId, Guid siteId, string siteCode)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string EventType = $"{typeof(SubjectEnrolled).FullName}, {typeof(SubjectEnrolled).Assembly.GetName().Name}";

    private bool Sqlite => settings.Provider == DatabaseProvider.Sqlite;

    public async Task EnrollAsync()
    {
        await using var connection = Open();
        await connection.OpenAsync();
        // Microsoft.Data.Sqlite begins IMMEDIATE by default: the write lock is taken up front, as SQLite writers must.
        await using var transaction = await connection.BeginTransactionAsync();
        var sequence = Convert.ToInt32(await ScalarAsync(connection, transaction,
            $"""UPDATE {Table("SiteEnrollmentCounters")} SET "LastSequence" = "LastSequence" + 1, "Enrolled" = "Enrolled" + 1, "Version" = "Version" + 1 WHERE "SiteId" = @site RETURNING "LastSequence";""",
            ("site", Id(siteId))), System.Globalization.CultureInfo.InvariantCulture);
        await ScalarAsync(connection, transaction,
            $"""UPDATE {Table("TrialEnrollmentCounters")} SET "Enrolled" = "Enrolled" + 1, "Version" = "Version" + 1 WHERE "TrialId" = @trial;""",
            ("trial", Id(trialId)));

        var now = DateTimeOffset.UtcNow;
        var subjectId = Guid.NewGuid();
        var number = SubjectNumbers.Format(siteCode, sequence);
        await ScalarAsync(connection, transaction,
            $"""INSERT INTO {Table("Subjects")} ("Id", "TrialId", "SiteId", "SubjectNumber", "Status", "EnrolledAt", "EnrolledBy", "Version") VALUES (@id, @trial, @site, @number, @status, @at, @by, 0);""",
            ("id", Id(subjectId)), ("trial", Id(trialId)), ("site", Id(siteId)), ("number", number), ("status", SubjectStatus.OnStudy),
            ("at", Time(now)), ("by", "raw-baseline"));
        var payload = JsonSerializer.Serialize(new SubjectEnrolled(subjectId, trialId, siteId, number, now), Json);
        await ScalarAsync(connection, transaction,
            $"""INSERT INTO {Table("OutboxMessages")} ("Id", "Type", "Payload", "OccurredAt", "Attempts") VALUES (@id, @type, @payload, @at, 0);""",
            ("id", Id(Guid.NewGuid())), ("type", EventType), ("payload", payload), ("at", Time(now)));
        await transaction.CommitAsync();
    }

    private DbConnection Open() => Sqlite ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);

    // SQLite: tables prefixed with the module's schema, Guids as upper-case text, times as UTC ticks (as EF maps them).
    private string Table(string name) => Sqlite ? $"\"subjects_{name}\"" : $"\"subjects\".\"{name}\"";

    private object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

    private object Time(DateTimeOffset at) => Sqlite ? at.UtcTicks : at;

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteScalarAsync();
    }
}
