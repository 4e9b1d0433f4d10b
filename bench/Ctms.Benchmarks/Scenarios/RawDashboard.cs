using System.Data.Common;
using Ctms.Shared.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// The baseline for the dashboards: the same figures and lists, by hand-written SQL over the same tables and indexes, read
/// to the last row with ADO.NET and nothing else (no scope check, no records, no EF Core).
/// </summary>
internal sealed class RawDashboard(DatabaseSettings settings)
{
    private bool Sqlite => settings.Provider == DatabaseProvider.Sqlite;

    private string T(string module, string table) => Sqlite ? $"\"{module}_{table}\"" : $"\"{module}\".\"{table}\"";

    private object Id(Guid id) => Sqlite ? id.ToString().ToUpperInvariant() : id;

    private object Day(DateOnly day) => Sqlite ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : day;

    private DbConnection Open() => Sqlite ? new SqliteConnection(settings.ConnectionString) : new NpgsqlConnection(settings.ConnectionString);

    /// <summary>One trial's dashboard: trial, sites, per-site figures, milestones, approvals, curve, arms, reasons and the three lists.</summary>
    public async Task<int> TrialAsync(Guid trialId, DateOnly today)
    {
        string[] sql =
        [
            $"""SELECT "Id", "ProtocolNumber", "Title", "Status", "TargetEnrollment" FROM {T("trials", "Trials")} WHERE "Id" = @trial""",
            $"""SELECT a."Id", a."Name" FROM {T("trials", "TrialArms")} a WHERE a."TrialId" = @trial""",
            $"""SELECT s."Id", s."Code", s."Status", s."TargetEnrollment", s."InstitutionId", i."Name" FROM {T("sites", "Sites")} s JOIN {T("sites", "Institutions")} i ON i."Id" = s."InstitutionId" WHERE s."TrialId" = @trial""",
            $"""
             SELECT "SiteId", COUNT("ScreenedOn"), SUM(CASE WHEN "Eligible" = FALSE THEN 1 ELSE 0 END), COUNT("ConsentedOn"), COUNT("EnrolledOn"), COUNT("ArmId"),
                    COUNT("WithdrawnOn"), SUM(CASE WHEN "Completed" THEN 1 ELSE 0 END)
             FROM {T("reporting", "SubjectFacts")} WHERE "TrialId" = @trial GROUP BY "SiteId"
             """,
            $"""
             SELECT "SiteId", SUM(CASE WHEN "Status" = 'planned' THEN 1 ELSE 0 END), SUM(CASE WHEN "Status" = 'occurred' THEN 1 ELSE 0 END),
                    SUM(CASE WHEN "Status" = 'missed' THEN 1 ELSE 0 END), SUM(CASE WHEN "Status" = 'planned' AND "Latest" < @today THEN 1 ELSE 0 END),
                    SUM(CASE WHEN "OutOfWindow" THEN 1 ELSE 0 END)
             FROM {T("reporting", "VisitFacts")} WHERE "TrialId" = @trial GROUP BY "SiteId"
             """,
            $"""SELECT "SiteId", COUNT(*), SUM(CASE WHEN "Severity" = 'major' THEN 1 ELSE 0 END) FROM {T("reporting", "DeviationFacts")} WHERE "TrialId" = @trial GROUP BY "SiteId" """,
            $"""SELECT "SiteId", COUNT(*), SUM(CASE WHEN "Late" THEN 1 ELSE 0 END) FROM {T("reporting", "SaeFacts")} WHERE "TrialId" = @trial GROUP BY "SiteId" """,
            $"""SELECT "SiteId" FROM {T("reporting", "SiteFacts")} WHERE "TrialId" = @trial""",
            $"""SELECT "SiteId", "Milestone", "ReachedOn" FROM {T("reporting", "SiteMilestoneFacts")} WHERE "TrialId" = @trial""",
            $"""SELECT "ApprovalId", "InstitutionId", "Recognised", "ApprovedOn", "ExpiresOn", "LapsedOn" FROM {T("reporting", "IrbApprovalFacts")} WHERE "TrialId" = @trial ORDER BY "ExpiresOn" """,
            $"""SELECT "EnrolledOn", COUNT(*) FROM {T("reporting", "SubjectFacts")} WHERE "TrialId" = @trial AND "EnrolledOn" IS NOT NULL GROUP BY "EnrolledOn" ORDER BY "EnrolledOn" """,
            $"""SELECT COALESCE("ArmName", ''), COUNT(*) FROM {T("reporting", "SubjectFacts")} WHERE "TrialId" = @trial AND "ArmId" IS NOT NULL GROUP BY COALESCE("ArmName", '')""",
            $"""SELECT "ScreenFailReasons" FROM {T("reporting", "SubjectFacts")} WHERE "TrialId" = @trial AND "Eligible" = FALSE AND "ScreenFailReasons" IS NOT NULL""",
            $"""
             SELECT v."SiteId", s."SubjectNumber", v."VisitName", v."PlannedOn", v."Latest" FROM {T("reporting", "VisitFacts")} v
             LEFT JOIN {T("reporting", "SubjectFacts")} s ON s."SubjectId" = v."SubjectId"
             WHERE v."TrialId" = @trial AND v."Status" = 'planned' AND v."Latest" < @today ORDER BY v."Latest", v."VisitName" LIMIT 500
             """,
            $"""SELECT "SiteId", "SubjectNumber", "Term", "DueAt", "ReportedAt" FROM {T("reporting", "SaeFacts")} WHERE "TrialId" = @trial AND "Late" ORDER BY "ReportedOn" LIMIT 500""",
            $"""SELECT "SiteId", "SubjectNumber", "Category", "Severity", "OccurredOn" FROM {T("reporting", "DeviationFacts")} WHERE "TrialId" = @trial ORDER BY "OccurredOn" DESC LIMIT 500""",
        ];
        await using var connection = Open();
        await connection.OpenAsync();
        var rows = 0;
        foreach (var text in sql)
        {
            rows += await ReadAsync(connection, text, ("trial", Id(trialId)), ("today", Day(today)));
        }

        return rows;
    }

    /// <summary>The portfolio: every trial of the tenant with enrolled per site, site status and targets, and its three alert counts.</summary>
    public async Task<int> PortfolioAsync(string tenantId, DateOnly today)
    {
        var trials = $"""SELECT "Id" FROM {T("trials", "Trials")} WHERE "TenantId" = @tenant""";
        string[] sql =
        [
            $"""SELECT "Id", "ProtocolNumber", "Title", "Status", "TargetEnrollment" FROM {T("trials", "Trials")} WHERE "TenantId" = @tenant""",
            $"""SELECT s."Id", s."TrialId", s."Code", s."Status", s."TargetEnrollment", i."Name" FROM {T("sites", "Sites")} s JOIN {T("sites", "Institutions")} i ON i."Id" = s."InstitutionId" WHERE s."TrialId" IN ({trials})""",
            $"""SELECT "TrialId", "SiteId", COUNT("EnrolledOn") FROM {T("reporting", "SubjectFacts")} WHERE "TrialId" IN ({trials}) GROUP BY "TrialId", "SiteId" """,
            $"""SELECT "TrialId", COUNT(*) FROM {T("reporting", "SaeFacts")} WHERE "TrialId" IN ({trials}) AND "Late" GROUP BY "TrialId" """,
            $"""SELECT "TrialId", COUNT(*) FROM {T("reporting", "VisitFacts")} WHERE "TrialId" IN ({trials}) AND "Status" = 'planned' AND "Latest" < @today GROUP BY "TrialId" """,
            $"""SELECT "TrialId", "InstitutionId", "ExpiresOn", "LapsedOn" FROM {T("reporting", "IrbApprovalFacts")} WHERE "TrialId" IN ({trials})""",
        ];
        await using var connection = Open();
        await connection.OpenAsync();
        var rows = 0;
        foreach (var text in sql)
        {
            rows += await ReadAsync(connection, text, ("tenant", tenantId), ("today", Day(today)));
        }

        return rows;
    }

    private static async Task<int> ReadAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains("@" + p.Name, StringComparison.Ordinal)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        var values = new object[64];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }
}
