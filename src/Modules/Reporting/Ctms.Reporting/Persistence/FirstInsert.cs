using Ctms.Reporting.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ctms.Reporting.Persistence;

/// <summary>
/// Creates a subject's row unless it exists, as one statement that cannot fail on a duplicate key. Several events of a
/// new subject (screened, consent signed…) arrive on different endpoints at once; inserting through the change tracker
/// made all but one fail with a UNIQUE violation, logged as an error and settled only by the bus's retry.
/// </summary>
internal static class FirstInsert
{
    public static async Task SubjectAsync(ReportingDbContext db, Guid subjectId, Guid trialId, Guid siteId, string subjectNumber, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SubjectFact))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);

        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        var key = Column(nameof(SubjectFact.SubjectId));
        var columns = string.Join(", ", new[]
        {
            nameof(SubjectFact.SubjectId), nameof(SubjectFact.TrialId), nameof(SubjectFact.SiteId), nameof(SubjectFact.SubjectNumber),
            nameof(SubjectFact.Status), nameof(SubjectFact.Completed),
        }.Select(Column));
        var statement = db.Database.IsSqlServer()
            // SQL Server has no ON CONFLICT: the range lock makes the existence check and the insert one step.
            ? $"INSERT INTO {name} ({columns}) SELECT {{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}} WHERE NOT EXISTS (SELECT 1 FROM {name} WITH (UPDLOCK, HOLDLOCK) WHERE {key} = {{0}})"
            : $"INSERT INTO {name} ({columns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}) ON CONFLICT ({key}) DO NOTHING";
        await db.Database.ExecuteSqlRawAsync(statement, [subjectId, trialId, siteId, subjectNumber, "", false], ct);
    }
}
