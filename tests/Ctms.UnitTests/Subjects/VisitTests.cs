using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Consumers;
using Ctms.Subjects.Features.Visits;
using Ctms.Trials.Contracts;

namespace Ctms.UnitTests.Subjects;

[Trait("Category", "SubjectsVisits")]
public sealed class VisitTests
{
    private static readonly DateOnly Target = new(2026, 11, 15);

    private static Visit Week2() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "SEL01-001", "Week 2", 3, Target, Target.AddDays(-3), Target.AddDays(3));

    [Fact]
    public void Within_the_window_no_reason_is_needed()
    {
        var visit = Week2();

        Assert.Null(visit.Record(Target.AddDays(3), null));

        Assert.Equal(VisitStatus.Occurred, visit.Status);
        Assert.False(visit.OutOfWindow);
    }

    [Fact]
    public void Outside_the_window_a_reason_is_required_on_its_field_and_then_it_is_flagged()
    {
        var visit = Week2();

        var refused = visit.Record(Target.AddDays(4), " ");
        Assert.Equal("outOfWindowReason", refused?.Field);
        Assert.True(visit.IsPlanned);

        Assert.Null(visit.Record(Target.AddDays(4), "Patient hospitalised"));
        Assert.True(visit.OutOfWindow);
        Assert.Equal("Patient hospitalised", visit.Reason);
    }

    [Fact]
    public void A_resolved_visit_is_neither_recorded_nor_missed_again_nor_replanned()
    {
        var visit = Week2();
        visit.MarkMissed("Travel");

        Assert.Equal("visit-not-planned", visit.Record(Target, null)?.Code);
        Assert.Equal("visit-not-planned", visit.MarkMissed("again")?.Code);
        Assert.False(visit.Replan(Target.AddDays(1), Target, Target.AddDays(4)));
    }

    [Theory]
    [InlineData(-4, "not-yet-open")]
    [InlineData(-1, "open-before-target")]
    [InlineData(0, "open-after-target")]
    [InlineData(3, "open-after-target")]
    [InlineData(4, "overdue")]
    public void A_planned_visit_shows_its_window_state_and_overdue_once_the_window_closed(int day, string state)
    {
        var visit = Week2();
        var summary = new Ctms.Subjects.Contracts.VisitSummary(visit.Id, visit.SubjectId, visit.SubjectNumber, visit.SiteId, visit.Name, visit.Order, visit.Status,
            visit.Planned, visit.Earliest, visit.Latest, null, false);

        Assert.Equal(state, summary.StateOn(Target.AddDays(day)));
    }

    [Fact]
    public void The_baseline_is_the_visit_planned_on_the_anchor_date()
    {
        var anchor = new DateOnly(2026, 11, 1);
        var baseline = new Visit(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "S", "Baseline", 2, anchor, anchor, anchor);
        var screening = new Visit(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "S", "Screening", 1, anchor.AddDays(-1), anchor.AddDays(-28), anchor.AddDays(-1));

        Assert.True(VisitPlanner.IsBaseline(baseline, anchor));
        Assert.False(VisitPlanner.IsBaseline(screening, anchor));
    }

    [Fact]
    public void The_successor_consent_is_the_same_document_in_the_same_language_at_another_version()
    {
        var protocol = Guid.NewGuid();
        var signed = new ConsentVersionSummary(Guid.NewGuid(), protocol, "ICF", "1.0", "en", null);
        var en2 = new ConsentVersionSummary(Guid.NewGuid(), protocol, "ICF", "2.0", "en", null);
        var ko2 = new ConsentVersionSummary(Guid.NewGuid(), protocol, "ICF", "2.0", "ko", null);
        var other = new ConsentVersionSummary(Guid.NewGuid(), protocol, "Genetic sub-study ICF", "1.0", "en", null);

        Assert.Equal(en2, IrbApprovalGrantedConsumer.Successor(signed, [ko2, other, en2]));
        Assert.Equal(ko2, IrbApprovalGrantedConsumer.Successor(signed, [ko2]));
        Assert.Null(IrbApprovalGrantedConsumer.Successor(signed, [other, signed]));
    }
}
