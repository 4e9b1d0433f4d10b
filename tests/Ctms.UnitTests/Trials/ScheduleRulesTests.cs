using Ctms.Trials.Domain;
using Ctms.Trials.Domain.Schedule;

namespace Ctms.UnitTests.Trials;

[Trait("Category", "TrialsSites")]
public sealed class ScheduleRulesTests
{
    private static VisitSpec Visit(string name, int targetDay = 1, int before = 0, int after = 0, string anchor = VisitAnchor.Baseline, string? anchorVisit = null,
        params string[] procedures) =>
        new(name, VisitType.Scheduled, anchor, anchorVisit, targetDay, before, after, procedures);

    [Fact]
    public void A_valid_schedule_has_no_errors()
    {
        var errors = ScheduleRules.Validate(["Vital signs"],
            [Visit("Baseline", procedures: "Vital signs"), Visit("Week 2", 15, 3, 3, VisitAnchor.Previous), Visit("Week 4", 15, 3, 3, VisitAnchor.Visit, "Week 2")],
            DayCounting.Day1);

        Assert.Empty(errors);
    }

    [Fact]
    public void Duplicate_names_point_at_the_second_row()
    {
        var errors = ScheduleRules.Validate([], [Visit("Baseline"), Visit("Week 2", 15), Visit("baseline ", 29)], DayCounting.Day1);

        var error = Assert.Single(errors);
        Assert.Equal("Visits[2].Name", error.Field);
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_windows_point_at_their_row_and_field()
    {
        var errors = ScheduleRules.Validate([], [Visit("Baseline"), Visit("Week 2", 15, -1, -2)], DayCounting.Day1);

        Assert.Equal(["Visits[1].WindowBefore", "Visits[1].WindowAfter"], errors.Select(e => e.Field));
    }

    [Fact]
    public void An_anchor_cycle_is_refused_on_every_row_in_it()
    {
        var errors = ScheduleRules.Validate([],
            [Visit("Baseline"), Visit("A", 8, anchor: VisitAnchor.Visit, anchorVisit: "B"), Visit("B", 8, anchor: VisitAnchor.Visit, anchorVisit: "A")],
            DayCounting.Day1);

        Assert.Equal(["Visits[1].Anchor", "Visits[2].Anchor"], errors.Select(e => e.Field).Order());
        Assert.All(errors, e => Assert.Contains("cycle", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_through_previous_visit_anchoring_is_found_too()
    {
        // B follows A (previous); A is anchored to B.
        var errors = ScheduleRules.Validate([], [Visit("A", 8, anchor: VisitAnchor.Visit, anchorVisit: "B"), Visit("B", 8, anchor: VisitAnchor.Previous)], DayCounting.Day1);

        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void A_visit_anchored_to_itself_is_a_cycle()
    {
        var errors = ScheduleRules.Validate([], [Visit("A", 8, anchor: VisitAnchor.Visit, anchorVisit: "A")], DayCounting.Day1);

        Assert.Equal("Visits[0].Anchor", Assert.Single(errors).Field);
    }

    [Fact]
    public void Unknown_anchor_visits_and_a_first_visit_anchored_to_a_previous_one_are_refused()
    {
        var errors = ScheduleRules.Validate([], [Visit("First", 1, anchor: VisitAnchor.Previous), Visit("B", 8, anchor: VisitAnchor.Visit, anchorVisit: "Nowhere")],
            DayCounting.Day1);

        Assert.Equal(["Visits[0].Anchor", "Visits[1].AnchorVisit"], errors.Select(e => e.Field));
    }

    [Fact]
    public void Procedures_at_a_visit_must_be_in_the_procedure_list_and_the_list_has_no_duplicates()
    {
        var errors = ScheduleRules.Validate(["ECG", "ecg"], [Visit("Baseline", procedures: "X-ray")], DayCounting.Day1);

        Assert.Equal(["Procedures[1]", "Visits[0].Procedures"], errors.Select(e => e.Field));
    }

    [Fact]
    public void A_submitted_protocol_version_refuses_schedule_edits_and_an_amendment_copies_everything()
    {
        var v1 = new ProtocolVersion(Guid.NewGuid(), Guid.NewGuid(), 1, DateTimeOffset.UnixEpoch);
        Assert.Empty(v1.ReplaceSchedule(["ECG"], [Visit("Baseline", procedures: "ECG")], DayCounting.Day1));
        Assert.Null(v1.ReplaceCriteria(["Adults"], ["Pregnancy"]));
        Assert.True(v1.AddConsentVersion("ICF", "1.0", "en", null, null).IsSuccess);
        Assert.Null(v1.Submit(DateTimeOffset.UnixEpoch));

        var refused = v1.ReplaceSchedule([], [Visit("Other")], DayCounting.Day1);
        var v2 = v1.Amend(2, DateTimeOffset.UnixEpoch);

        Assert.Equal("protocol-version-frozen", Assert.Single(refused).Code);
        Assert.Equal("2.0", v2.Number);
        Assert.False(v2.IsFrozen);
        Assert.Equal(v1.Schedule().Select(s => s.Name), v2.Schedule().Select(s => s.Name));
        Assert.Equal(["ECG"], v2.Schedule()[0].Procedures);
        Assert.Equal(["Adults"], v2.InclusionCriteria);
        Assert.NotEqual(v1.ConsentVersions[0].Id, v2.ConsentVersions[0].Id);
    }

    [Fact]
    public void A_protocol_version_is_not_submitted_without_schedule_criteria_and_consent()
    {
        var v1 = new ProtocolVersion(Guid.NewGuid(), Guid.NewGuid(), 1, DateTimeOffset.UnixEpoch);

        var refused = v1.Submit(DateTimeOffset.UnixEpoch);

        Assert.NotNull(refused);
        Assert.Contains("schedule of assessments, inclusion criteria, an informed-consent version", refused.Message, StringComparison.Ordinal);
        Assert.False(v1.IsFrozen);
    }
}
