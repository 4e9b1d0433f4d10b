using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Persistence;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;

namespace Ctms.UnitTests.Reporting;

[Trait("Category", "Reporting")]
public sealed class ProjectionTests : IDisposable
{
    private readonly ReadModelHarness _model = new();
    private readonly TrialStory _story = new();

    public void Dispose() => _model.Dispose();

    private Task<IReadOnlyList<SiteMetrics>> MetricsAsync() =>
        _model.QueryAsync(db => new ReportingQueries(db).SiteMetricsAsync(_story.Trial, TrialStory.Today));

    private static List<SiteMetrics> Sorted(IEnumerable<SiteMetrics> metrics) => metrics.OrderBy(m => m.SiteId).ToList();

    [Fact]
    public async Task The_story_in_order_gives_the_expected_figures_per_site()
    {
        await _model.ApplyAsync([.. _story.Events()]);

        var metrics = (await MetricsAsync()).ToDictionary(m => m.SiteId);
        Assert.Equal(new SiteMetrics(_story.Trial, _story.SiteA, Screened: 2, ScreenFailed: 1, Consented: 2, Enrolled: 1, Randomized: 1, Withdrawn: 0,
            Completed: 0, VisitsPlanned: 1, VisitsOccurred: 2, VisitsMissed: 0, VisitsOverdue: 1, VisitsOutOfWindow: 1, DeviationsMinor: 1,
            DeviationsMajor: 0, SeriousAdverseEvents: 0, LateSeriousAdverseEvents: 0), metrics[_story.SiteA]);
        Assert.Equal(new SiteMetrics(_story.Trial, _story.SiteB, Screened: 2, ScreenFailed: 0, Consented: 0, Enrolled: 2, Randomized: 0, Withdrawn: 1,
            Completed: 1, VisitsPlanned: 0, VisitsOccurred: 0, VisitsMissed: 0, VisitsOverdue: 0, VisitsOutOfWindow: 0, DeviationsMinor: 0,
            DeviationsMajor: 0, SeriousAdverseEvents: 1, LateSeriousAdverseEvents: 1), metrics[_story.SiteB]);
        Assert.Equal(0.5, metrics[_story.SiteA].ScreenFailRate);

        var daily = await _model.QueryAsync(db => new ReportingQueries(db).DailyEnrollmentAsync(_story.Trial));
        Assert.Equal([new DailyEnrollment(new DateOnly(2026, 10, 2), 1), new DailyEnrollment(new DateOnly(2026, 10, 4), 1), new DailyEnrollment(new DateOnly(2026, 10, 5), 1)], daily);
        Assert.Equal([new ArmCount("Drug", 1)], await _model.QueryAsync(db => new ReportingQueries(db).RandomizedByArmAsync(_story.Trial)));

        var enrollment = await _model.QueryAsync(db => new ReportingQueries(db).SiteEnrollmentAsync(_story.Trial));
        Assert.Equal(2, enrollment.Single(e => e.SiteId == _story.SiteB).Enrolled);
        Assert.Equal(TrialStory.T0.AddHours(96), enrollment.Single(e => e.SiteId == _story.SiteB).LastEnrolledAt);
    }

    [Fact]
    public async Task Subject_status_site_status_and_reasons_follow_the_latest_event_time()
    {
        await _model.ApplyAsync([.. _story.Events()]);

        await using var db = _model.NewContext();
        Assert.Equal("withdrawn", (await db.Subjects.SingleAsync(s => s.SubjectId == _story.S3)).Status);
        Assert.Equal("off-study", (await db.Subjects.SingleAsync(s => s.SubjectId == _story.S4)).Status);
        Assert.Equal("on-hold", (await db.Sites.SingleAsync(s => s.SiteId == _story.SiteB)).Status);
        var reasons = await new TrialDetailQueries(db).ScreenFailReasonsAsync(_story.Trial, default);
        Assert.Equal(["HbA1c out of range", "age < 18"], reasons.Select(r => r.Reason).Order(StringComparer.Ordinal));
        var overdue = Assert.Single(await new TrialDetailQueries(db).OverdueVisitsAsync(_story.Trial, TrialStory.Today, null, default));
        Assert.Equal(("A01-001", "Week 4"), (overdue.SubjectNumber, overdue.VisitName));
    }

    [Fact]
    public async Task Every_event_delivered_twice_changes_nothing()
    {
        await _model.ApplyAsync([.. _story.Events()]);
        var once = Sorted(await MetricsAsync());

        await _model.ApplyAsync([.. _story.Events()]);

        Assert.Equal(once, Sorted(await MetricsAsync()));
        Assert.Equal(3, await _model.QueryAsync(db => db.Visits.CountAsync()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task Any_delivery_order_gives_the_same_read_model(int seed)
    {
        using var inOrder = new ReadModelHarness();
        await inOrder.ApplyAsync([.. _story.Events()]);
        var expected = Sorted(await inOrder.QueryAsync(db => new ReportingQueries(db).SiteMetricsAsync(_story.Trial, TrialStory.Today)));

        var shuffled = _story.Events().ToArray();
        new Random(seed).Shuffle(shuffled);
        await _model.ApplyAsync(shuffled);

        Assert.Equal(expected, Sorted(await MetricsAsync()));
        await using var db = _model.NewContext();
        Assert.Equal("withdrawn", (await db.Subjects.SingleAsync(s => s.SubjectId == _story.S3)).Status);
        Assert.Equal("on-hold", (await db.Sites.SingleAsync(s => s.SiteId == _story.SiteB)).Status);
    }

    [Fact]
    public async Task A_late_schedule_recomputation_does_not_undo_an_occurred_visit()
    {
        var visit = Guid.NewGuid();
        var subject = Guid.NewGuid();
        var day = new DateOnly(2026, 11, 1);
        await _model.ApplyAsync(
            new VisitOccurred(visit, subject, _story.Trial, _story.SiteA, "A01-009", "Week 2", day, day, true, null, TrialStory.T0),
            new VisitScheduleUpdated(subject, _story.Trial, _story.SiteA, "A01-009", Guid.NewGuid(),
                [new PlannedVisit(visit, "Week 2", 2, day.AddDays(3), day.AddDays(1), day.AddDays(5))], TrialStory.T0.AddHours(-1)));

        var row = await _model.QueryAsync(db => db.Visits.SingleAsync(v => v.VisitId == visit));
        Assert.Equal(("occurred", day, day), (row.Status, row.ActualDate!.Value, row.PlannedOn));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_withdrawn_subjects_planned_visits_are_not_applicable_whichever_event_arrives_first(bool withdrawalFirst)
    {
        var subject = Guid.NewGuid();
        var (occurred, planned) = (Guid.NewGuid(), Guid.NewGuid());
        var day = new DateOnly(2026, 10, 1);
        object schedule = new VisitScheduleUpdated(subject, _story.Trial, _story.SiteA, "A01-010", Guid.NewGuid(),
            [new PlannedVisit(occurred, "Baseline", 1, day, day, day), new PlannedVisit(planned, "Week 2", 2, day.AddDays(14), day.AddDays(11), day.AddDays(17))],
            TrialStory.T0);
        object visit = new VisitOccurred(occurred, subject, _story.Trial, _story.SiteA, "A01-010", "Baseline", day, day, true, null, TrialStory.T0.AddHours(1));
        object withdrawn = new SubjectWithdrawn(subject, _story.Trial, _story.SiteA, "A01-010", "consent withdrawn", day.AddDays(2), TrialStory.T0.AddHours(48));

        await _model.ApplyAsync(withdrawalFirst ? [withdrawn, schedule, visit] : [schedule, visit, withdrawn]);

        var rows = await _model.QueryAsync(db => db.Visits.Where(v => v.SubjectId == subject).OrderBy(v => v.Order).Select(v => v.Status).ToListAsync());
        Assert.Equal(["occurred", "not-applicable"], rows);
        var site = (await MetricsAsync()).Single(m => m.SiteId == _story.SiteA);
        Assert.Equal((0, 0), (site.VisitsPlanned, site.VisitsOverdue));
    }

    [Fact]
    public async Task A_lapse_takes_the_approval_out_of_force()
    {
        await _model.ApplyAsync([.. _story.Events()]);
        await _model.ApplyAsync(new IrbApprovalLapsed(_story.Approval, "center-a", Guid.NewGuid(), Guid.NewGuid(), false, Guid.NewGuid(), [_story.InstitutionA],
            _story.Trial, Guid.NewGuid(), "continuing review overdue", new DateOnly(2026, 11, 20), TrialStory.T0));

        var approval = Assert.Single(await _model.QueryAsync(db => new TrialDetailQueries(db).ApprovalsAsync(_story.Trial, default)));
        Assert.Equal("lapsed", approval.StateOn(TrialStory.Today));
        Assert.Equal("in-force", (approval with { LapsedOn = null }).StateOn(TrialStory.Today));
    }

    [Fact]
    public async Task A_malformed_event_is_refused_and_writes_nothing()
    {
        var bad = new SubjectEnrolled(Guid.NewGuid(), Guid.Empty, _story.SiteA, "A01-001", TrialStory.T0);
        var blank = new SubjectScreened(Guid.NewGuid(), _story.Trial, _story.SiteA, " ", new DateOnly(2026, 10, 1), TrialStory.T0);

        await Assert.ThrowsAsync<InvalidDataException>(() => _model.ApplyAsync(bad));
        await Assert.ThrowsAsync<InvalidDataException>(() => _model.ApplyAsync(blank));

        Assert.Equal(0, await _model.QueryAsync(db => db.Subjects.CountAsync()));
    }
}
