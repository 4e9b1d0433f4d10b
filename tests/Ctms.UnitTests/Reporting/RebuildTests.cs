using Ctms.Irb.Contracts;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Ctms.UnitTests.Reporting;

[Trait("Category", "Reporting")]
public sealed class RebuildTests : IDisposable
{
    private readonly ReadModelHarness _model = new();
    private readonly TrialStory _story = new();
    private readonly OwnerModulesDouble _owners = new();

    public void Dispose() => _model.Dispose();

    /// <summary>The owning modules' state after the story, as their queries would return it.</summary>
    private void DescribeOwnersAfterTheStory()
    {
        var s = _story;
        var t0 = TrialStory.T0;
        var day0 = DateOnly.FromDateTime(t0.UtcDateTime);
        _owners.Trials.Add(new TrialSummary(s.Trial, "acme", "STORY-1", "Story trial", "phase-3", "active", 20, false));
        _owners.Sites.Add(new SiteSummary(s.SiteA, s.Trial, s.InstitutionA, "Hospital A", "A01", "Dr A", "active", 10));
        _owners.Sites.Add(new SiteSummary(s.SiteB, s.Trial, Guid.NewGuid(), "Hospital B", "B01", "Dr B", "on-hold", 10));
        _owners.Milestones.Add(new SiteMilestoneSummary(s.SiteA, s.Trial, "selected", 1, null, day0.AddDays(-60)));
        _owners.Milestones.Add(new SiteMilestoneSummary(s.SiteA, s.Trial, "contract-signed", 3, day0, null));
        _owners.Milestones.Add(new SiteMilestoneSummary(s.SiteA, s.Trial, "activated", 6, null, day0.AddDays(-10)));
        _owners.Approvals.Add(new ApprovalRecord(s.Approval, Guid.NewGuid(), "IRB A", false, Guid.NewGuid(), s.Trial, Guid.NewGuid(), [s.InstitutionA],
            day0.AddDays(-30), day0.AddDays(334), null, null));
        _owners.Subjects.Add(new SubjectSummary(s.S1, s.Trial, s.SiteA, "A01-001", "on-study", t0.AddHours(25))
        {
            ScreenedOn = day0, ConsentedOn = day0, Eligible = true, ArmId = s.Arm1, ArmName = "Drug",
        });
        _owners.Subjects.Add(new SubjectSummary(s.S2, s.Trial, s.SiteA, "A01-002", "ineligible", null)
        {
            ScreenedOn = day0.AddDays(1), ConsentedOn = day0.AddDays(1), Eligible = false, ScreenFailReasons = ["HbA1c out of range", "age < 18"],
        });
        _owners.Subjects.Add(new SubjectSummary(s.S3, s.Trial, s.SiteB, "B01-001", "withdrawn", t0.AddHours(74))
        {
            ScreenedOn = day0.AddDays(3), Eligible = true, WithdrawnOn = day0.AddDays(10), WithdrawalReason = "consent withdrawn",
        });
        _owners.Subjects.Add(new SubjectSummary(s.S4, s.Trial, s.SiteB, "B01-002", "off-study", t0.AddHours(96))
        {
            ScreenedOn = day0.AddDays(3), CompletedOn = day0.AddDays(40),
        });
        _owners.Deviations.Add(new DeviationSummary(s.Deviation, s.S1, s.Trial, s.SiteA, "A01-001", "visit-window", "minor", "rule", day0.AddDays(20), day0.AddDays(20)));
        _owners.AdverseEvents.Add(new AdverseEventSummary(s.Sae, s.S3, s.Trial, s.SiteB, "B01-001", "Pneumonia", ["hospitalisation"], t0.AddHours(100),
            t0.AddHours(124), t0.AddHours(130)));
        // Not serious: never an SAE row, live or rebuilt.
        _owners.AdverseEvents.Add(new AdverseEventSummary(Guid.NewGuid(), s.S1, s.Trial, s.SiteA, "A01-001", "Headache", [], t0.AddHours(50), null, t0.AddHours(51)));
        _owners.Visits.Add(new VisitSummary(s.VisitBaseline, s.S1, "A01-001", s.SiteA, "Baseline", 1, "occurred", day0.AddDays(2), day0.AddDays(2), day0.AddDays(2), day0.AddDays(2), false));
        _owners.Visits.Add(new VisitSummary(s.VisitWeek2, s.S1, "A01-001", s.SiteA, "Week 2", 2, "occurred", day0.AddDays(16), day0.AddDays(14), day0.AddDays(18), day0.AddDays(20), true));
        _owners.Visits.Add(new VisitSummary(s.VisitWeek4, s.S1, "A01-001", s.SiteA, "Week 4", 3, "planned", day0.AddDays(30), day0.AddDays(28), day0.AddDays(32), null, false));
    }

    private async Task<RebuildReport> RebuildAsync()
    {
        await using var db = _model.NewContext();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        return await new ReadModelRebuilder(db, _owners, _owners, _owners, _owners, clock).RebuildAsync();
    }

    private async Task<List<SiteMetrics>> MetricsAsync() =>
        (await _model.QueryAsync(db => new ReportingQueries(db).SiteMetricsAsync(_story.Trial, TrialStory.Today))).OrderBy(m => m.SiteId).ToList();

    private async Task<object> DetailsAsync() => await _model.QueryAsync(async db =>
    {
        var q = new TrialDetailQueries(db);
        return (object)new
        {
            Overdue = string.Join("|", await q.OverdueVisitsAsync(_story.Trial, TrialStory.Today, null, default)),
            Approvals = string.Join("|", await q.ApprovalsAsync(_story.Trial, default)),
            Milestones = string.Join("|", (await q.MilestonesAsync(_story.Trial, default)).OrderBy(m => m.Milestone, StringComparer.Ordinal)),
            Reasons = string.Join("|", await q.ScreenFailReasonsAsync(_story.Trial, default)),
            Daily = string.Join("|", await new ReportingQueries(db).DailyEnrollmentAsync(_story.Trial)),
            Arms = string.Join("|", await new ReportingQueries(db).RandomizedByArmAsync(_story.Trial)),
            Statuses = string.Join("|", await db.Subjects.OrderBy(s => s.SubjectNumber).Select(s => s.Status).ToListAsync()),
            Sites = string.Join("|", await db.Sites.OrderBy(s => s.Code).Select(s => s.Code + ":" + s.Status).ToListAsync()),
            Deviations = string.Join("|", await q.DeviationsAsync(_story.Trial, null, default)),
            LateSaes = string.Join("|", await q.LateSaesAsync(_story.Trial, null, default)),
            Completed = string.Join("|", await db.Subjects.OrderBy(s => s.SubjectNumber).Select(s => s.SubjectNumber + ":" + s.Completed + ":" + s.CompletedOn).ToListAsync()),
        };
    });

    [Fact]
    public async Task Rebuild_from_the_owning_modules_equals_the_live_projection()
    {
        await _model.ApplyAsync([.. _story.Events()]);
        var live = await MetricsAsync();
        var liveDetails = await DetailsAsync();
        DescribeOwnersAfterTheStory();

        // Damage the read model the way a lost message or a bug would; the rebuild must not depend on it.
        await using (var db = _model.NewContext())
        {
            await db.Subjects.Where(s => s.SubjectId == _story.S4).ExecuteDeleteAsync();
            await db.Visits.Where(v => v.VisitId == _story.VisitWeek4).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VisitFact.Missed));
            db.Subjects.Add(new SubjectFact(Guid.NewGuid(), _story.Trial, _story.SiteA, "A01-999"));
            await db.SaveChangesAsync();
        }

        Assert.NotEqual(live, await MetricsAsync());

        var report = await RebuildAsync();

        Assert.Equal(new RebuildReport(1, 4, 3, 2, 2, 1, 1, 1), report);
        Assert.Equal(live, await MetricsAsync());
        Assert.Equivalent(liveDetails, await DetailsAsync());
    }

    [Fact]
    public async Task Rebuild_restores_deviations_saes_screen_fail_reasons_and_completion_wiped_from_the_read_model()
    {
        await _model.ApplyAsync([.. _story.Events()]);
        var live = await MetricsAsync();
        var liveDetails = await DetailsAsync();
        DescribeOwnersAfterTheStory();

        await using (var db = _model.NewContext())
        {
            await db.Deviations.ExecuteDeleteAsync();
            await db.SeriousAdverseEvents.ExecuteDeleteAsync();
            await db.Subjects.ExecuteUpdateAsync(u => u.SetProperty(s => s.Completed, false).SetProperty(s => s.CompletedOn, (DateOnly?)null)
                .SetProperty(s => s.ScreenFailReasons, (string?)null));
        }

        var wiped = (await MetricsAsync()).ToDictionary(m => m.SiteId);
        Assert.Equal((0, 0, 0), (wiped[_story.SiteA].DeviationsMinor, wiped[_story.SiteB].SeriousAdverseEvents, wiped[_story.SiteB].Completed));

        await RebuildAsync();

        Assert.Equal(live, await MetricsAsync());
        Assert.Equivalent(liveDetails, await DetailsAsync());
        var rebuilt = (await MetricsAsync()).ToDictionary(m => m.SiteId);
        Assert.Equal((1, 1, 1, 1, 1), (rebuilt[_story.SiteA].DeviationsMinor, rebuilt[_story.SiteB].SeriousAdverseEvents,
            rebuilt[_story.SiteB].LateSeriousAdverseEvents, rebuilt[_story.SiteB].Completed, rebuilt[_story.SiteA].ScreenFailed));
        var reasons = await _model.QueryAsync(db => new TrialDetailQueries(db).ScreenFailReasonsAsync(_story.Trial, default));
        Assert.Contains(reasons, r => r.ToString().Contains("age < 18", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rebuild_on_an_empty_read_model_yields_the_owners_state()
    {
        DescribeOwnersAfterTheStory();

        await RebuildAsync();

        var metrics = (await MetricsAsync()).ToDictionary(m => m.SiteId);
        Assert.Equal((2, 1, 1, 1, 1), (metrics[_story.SiteA].Screened, metrics[_story.SiteA].ScreenFailed, metrics[_story.SiteA].Enrolled,
            metrics[_story.SiteA].VisitsOverdue, metrics[_story.SiteA].VisitsOutOfWindow));
        Assert.Equal((2, 1, 1), (metrics[_story.SiteB].Enrolled, metrics[_story.SiteB].Withdrawn, metrics[_story.SiteB].Completed));
    }
}
