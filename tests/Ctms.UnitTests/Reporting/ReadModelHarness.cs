using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Sites.Contracts.IntegrationEvents;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ctms.UnitTests.Reporting;

/// <summary>
/// The reporting read model on an in-memory SQLite database: each event is applied in a fresh context and saved, as a
/// consumer would (the inbox's de-duplication is the consumer base's job and is tested through the bus).
/// </summary>
internal sealed class ReadModelHarness : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public ReadModelHarness()
    {
        _connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    public ReportingDbContext NewContext() =>
        new(new DbContextOptionsBuilder<ReportingDbContext>().UseSqlite(_connection).Options);

    public async Task ApplyAsync(params object[] events)
    {
        foreach (var e in events)
        {
            await using var db = NewContext();
            var task = e switch
            {
                SubjectScreened x => new SubjectProjection(db).ApplyAsync(x, default),
                ConsentSigned x => new SubjectProjection(db).ApplyAsync(x, default),
                EligibilityAssessed x => new SubjectProjection(db).ApplyAsync(x, default),
                SubjectEnrolled x => new SubjectProjection(db).ApplyAsync(x, default),
                SubjectRandomized x => new SubjectProjection(db).ApplyAsync(x, default),
                SubjectStatusChanged x => new SubjectProjection(db).ApplyAsync(x, default),
                SubjectWithdrawn x => new SubjectProjection(db).ApplyAsync(x, default),
                SubjectCompleted x => new SubjectProjection(db).ApplyAsync(x, default),
                VisitScheduleUpdated x => new VisitProjection(db).ApplyAsync(x, default),
                VisitOccurred x => new VisitProjection(db).ApplyAsync(x, default),
                VisitMissed x => new VisitProjection(db).ApplyAsync(x, default),
                DeviationRecorded x => new SafetyProjection(db).ApplyAsync(x, default),
                SeriousAdverseEventReported x => new SafetyProjection(db).ApplyAsync(x, default),
                SiteActivated x => new SiteProjection(db).ApplyAsync(x, default),
                SiteStatusChanged x => new SiteProjection(db).ApplyAsync(x, default),
                SiteMilestoneReached x => new SiteProjection(db).ApplyAsync(x, default),
                IrbApprovalGranted x => new SiteProjection(db).ApplyAsync(x, default),
                IrbApprovalLapsed x => new SiteProjection(db).ApplyAsync(x, default),
                _ => throw new ArgumentException($"No projection for {e.GetType().Name}"),
            };
            await task;
            await db.SaveChangesAsync();
        }
    }

    public async Task<T> QueryAsync<T>(Func<ReportingDbContext, Task<T>> read)
    {
        await using var db = NewContext();
        return await read(db);
    }

    public void Dispose() => _connection.Dispose();
}
