using Ctms.IntegrationTests.Support;
using Ctms.IntegrationTests.TrialsSites;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.SponsorDashboard;
using Ctms.Reporting.Features.TrialDashboard;
using Ctms.Reporting.Projections;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Seeding;
using Ctms.Shared.Time;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Domain;
using Ctms.Trials.Persistence;
using Ctms.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Reporting;

/// <summary>The scale seeder (tier XS) on SQLite and on PostgreSQL: what it writes is what the dashboards and a rebuild see.</summary>
[Trait("Category", "Reporting")]
public sealed class ScaleSeedTests
{
    [Fact]
    public Task Seeding_tier_XS_on_sqlite_feeds_the_dashboards_and_agrees_with_a_rebuild() => SeedAndCheckAsync(TestBackend.SqliteInMemoryBusAsync);

    [PostgresRabbitFact]
    public Task Seeding_tier_XS_on_postgresql_feeds_the_dashboards_and_agrees_with_a_rebuild() => SeedAndCheckAsync(TestBackend.PostgresRabbitAsync);

    private static async Task SeedAndCheckAsync(Func<Task<TestBackend>> makeBackend)
    {
        await using var backend = await makeBackend();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Messaging:Transport"] = "InMemory" });
        _ = app.Server;
        var output = new StringWriter();

        var result = await SeedCommand.SeedTierAsync(app.Services, ScaleTier.XS, force: false, output);

        Assert.True(result.ExitCode == 0, output.ToString());
        var today = UtcDates.Today(TimeProvider.System);
        var plan = new ScalePlan(ScaleTier.XS, today);
        var subjects = plan.Trials.SelectMany(t => t.Sites.SelectMany(s => plan.SubjectsOf(t, s))).ToList();
        Assert.Equal(subjects.Count, result.Parts.Single(p => p.Module == "Subjects").Rows["Subjects"]);
        Assert.Equal(subjects.Sum(s => s.Visits.Count), result.Parts.Single(p => p.Module == "Reporting").Rows["VisitFacts"]);

        var trial = plan.Trials[0];
        var mine = subjects.Where(s => s.TrialId == trial.Id).ToList();
        await using (var sponsor = await app.UserScopeAsync("sponsor@demo.ctms"))
        {
            var dashboard = await sponsor.Get<IQueryHandler<TrialDashboardQuery, TrialDashboard>>().HandleAsync(new TrialDashboardQuery(trial.Id));
            Assert.True(dashboard.IsSuccess, dashboard.IsSuccess ? null : dashboard.Describe());
            var board = dashboard.Value;
            Assert.Equal(trial.Sites.Select(s => s.Code).Order(), board.Sites.Select(s => s.Site.Code).Order());
            Assert.Equal(mine.Count(s => s.EnrolledAt is not null), board.Enrolled);
            Assert.Equal(mine.Count(s => s.Eligible == false), board.Sites.Sum(s => s.Metrics.ScreenFailed));
            Assert.Equal(mine.Count(s => s.Status == "withdrawn"), board.Sites.Sum(s => s.Metrics.Withdrawn));
            var overdue = mine.SelectMany(s => s.Visits).Count(v => v.Status == "planned" && v.Latest < today);
            Assert.Equal(overdue, board.Sites.Sum(s => s.Metrics.VisitsOverdue));
            Assert.Equal(overdue, board.OverdueVisits.Count);
            Assert.Equal(mine.SelectMany(s => s.AdverseEvents).Count(a => a.Late), board.LateSaes.Count);
            Assert.Equal(mine.SelectMany(s => s.Deviations).Count(), board.Deviations.Count);
            Assert.NotEmpty(board.ScreenFailReasons);
            Assert.Equal(trial.Approvals.Count, board.Approvals.Count);

            var portfolio = await sponsor.Get<IQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>>>().HandleAsync(new SponsorDashboardQuery());
            Assert.Equal(board.Enrolled, portfolio.Value.Single(t => t.Trial.Id == trial.Id).Enrolled);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Direct identifiers are stored encrypted, as screening stores them.
            var identity = await scope.Get<SubjectsDbContext>().Identities.AsNoTracking().SingleAsync(i => i.SubjectId == mine[0].Id);
            Assert.DoesNotContain(mine[0].FullName, identity.ProtectedPayload, StringComparison.Ordinal);
            Assert.Equal(mine[0].FullName, scope.Get<IdentifierProtection>().Unprotect(identity.ProtectedPayload)!.FullName);

            // The seeded read model is what a rebuild from the owners' data gives (screen-failure reasons, SAEs and deviations carried over).
            var reporting = scope.Get<IReportingQueries>();
            var before = await reporting.SiteMetricsAsync(trial.Id, today);
            var daily = await reporting.DailyEnrollmentAsync(trial.Id);
            var arms = await reporting.RandomizedByArmAsync(trial.Id);
            await scope.Get<ReadModelRebuilder>().RebuildTrialAsync(trial.Id);
            Assert.Equal(before.OrderBy(m => m.SiteId), (await reporting.SiteMetricsAsync(trial.Id, today)).OrderBy(m => m.SiteId));
            Assert.Equal(daily, await reporting.DailyEnrollmentAsync(trial.Id));
            Assert.Equal(arms, await reporting.RandomizedByArmAsync(trial.Id));
        }

        // Seeding again replaces the tier's rows; other data makes it refuse unless forced.
        Assert.Equal(0, (await SeedCommand.SeedTierAsync(app.Services, ScaleTier.XS, force: false, output)).ExitCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.Get<TrialsDbContext>();
            db.Trials.Add(new Trial(Guid.NewGuid(), DemoIds.TenantId, "OTHER-001", "A trial that is neither demo nor scale data", "phase-2", 10, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var refusal = new StringWriter();
        Assert.Equal(1, (await SeedCommand.SeedTierAsync(app.Services, ScaleTier.XS, force: false, refusal)).ExitCode);
        Assert.Contains("--force", refusal.ToString(), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(subjects.Count, await scope.Get<SubjectsDbContext>().Subjects.CountAsync(s => plan.Trials.Select(t => t.Id).Contains(s.TrialId)));
        }
    }
}
