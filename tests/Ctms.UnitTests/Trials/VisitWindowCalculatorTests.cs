using Ctms.Trials.Domain;
using Ctms.Trials.Domain.Schedule;

namespace Ctms.UnitTests.Trials;

[Trait("Category", "TrialsSites")]
public sealed class VisitWindowCalculatorTests
{
    private static VisitSpec Visit(string name, int targetDay, int before = 0, int after = 0, string anchor = VisitAnchor.Baseline, string? anchorVisit = null,
        string type = VisitType.Scheduled) =>
        new(name, type, anchor, anchorVisit, targetDay, before, after, []);

    private static readonly VisitSpec[] FiveVisits =
    [
        Visit("Screening", -1, 27, 0),
        Visit("Baseline", 1),
        Visit("Week 2", 15, 3, 3),
        Visit("Week 4", 29, 3, 3),
        Visit("End of treatment", 85, 7, 7),
    ];

    [Fact]
    public void Day_1_convention_makes_the_anchor_date_day_1_and_day_minus_1_the_day_before()
    {
        var plan = VisitWindowCalculator.Plan(FiveVisits, new DateOnly(2026, 3, 2), DayCounting.Day1);

        Assert.Equal(["Screening", "Baseline", "Week 2", "Week 4", "End of treatment"], plan.Select(p => p.Name));
        var screening = plan[0];
        Assert.Equal(new DateOnly(2026, 3, 1), screening.Planned);
        Assert.Equal(new DateOnly(2026, 2, 2), screening.Earliest); // Day -28
        Assert.Equal(new DateOnly(2026, 3, 1), screening.Latest); // Day -1
        Assert.Equal(new DateOnly(2026, 3, 2), plan[1].Planned); // Day 1 = anchor
        Assert.Equal(new DateOnly(2026, 3, 16), plan[2].Planned); // Day 15 = +14
        Assert.Equal((new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 19)), (plan[2].Earliest, plan[2].Latest));
        Assert.Equal(new DateOnly(2026, 5, 25), plan[4].Planned); // Day 85 = +84
    }

    [Fact]
    public void Day_0_convention_counts_the_target_day_as_an_offset_from_the_anchor_date()
    {
        var plan = VisitWindowCalculator.Plan([Visit("Baseline", 0), Visit("Week 2", 14, 3, 3)], new DateOnly(2026, 3, 2), DayCounting.Day0);

        Assert.Equal(new DateOnly(2026, 3, 2), plan[0].Planned);
        Assert.Equal(new DateOnly(2026, 3, 16), plan[1].Planned);
    }

    [Fact]
    public void The_same_target_day_lands_one_day_apart_under_day_0_and_day_1()
    {
        var anchor = new DateOnly(2026, 1, 10);
        var day1 = VisitWindowCalculator.Plan([Visit("V", 15)], anchor, DayCounting.Day1).Single();
        var day0 = VisitWindowCalculator.Plan([Visit("V", 15)], anchor, DayCounting.Day0).Single();

        Assert.Equal(1, day0.Planned.DayNumber - day1.Planned.DayNumber);
    }

    [Fact]
    public void Day_0_does_not_exist_under_the_day_1_convention()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VisitWindowCalculator.OffsetDays(0, DayCounting.Day1));
        var errors = ScheduleRules.Validate([], [Visit("Baseline", 0)], DayCounting.Day1);
        Assert.Equal("Visits[0].TargetDay", Assert.Single(errors).Field);
        Assert.Empty(ScheduleRules.Validate([], [Visit("Baseline", 0)], DayCounting.Day0));
    }

    [Fact]
    public void Previous_visit_anchoring_counts_from_the_previous_scheduled_visit()
    {
        VisitSpec[] visits =
        [
            Visit("Baseline", 1),
            Visit("Unscheduled", 1, type: VisitType.Unscheduled),
            Visit("Follow-up 1", 8, 1, 1, VisitAnchor.Previous),
            Visit("Follow-up 2", 8, 1, 1, VisitAnchor.Previous),
        ];

        var plan = VisitWindowCalculator.Plan(visits, new DateOnly(2026, 6, 1), DayCounting.Day1);

        Assert.Equal(["Baseline", "Follow-up 1", "Follow-up 2"], plan.Select(p => p.Name)); // unscheduled visits are not planned
        Assert.Equal(new DateOnly(2026, 6, 8), plan[1].Planned);
        Assert.Equal(new DateOnly(2026, 6, 15), plan[2].Planned);
        Assert.Equal(new DateOnly(2026, 6, 8), plan[2].AnchoredOn);
    }

    [Fact]
    public void An_actual_anchor_date_moves_the_future_targets_that_depend_on_it()
    {
        VisitSpec[] visits =
        [
            Visit("Baseline", 1),
            Visit("Cycle 2", 22, 2, 2, VisitAnchor.Previous),
            Visit("Cycle 3", 22, 2, 2, VisitAnchor.Previous),
            Visit("Safety call", 31, 0, 3, VisitAnchor.Baseline),
        ];
        var anchor = new DateOnly(2026, 4, 1);
        var before = VisitWindowCalculator.Plan(visits, anchor, DayCounting.Day1);

        // Cycle 2 happened two days late: Cycle 3 follows it, the baseline-anchored call does not move.
        var after = VisitWindowCalculator.Plan(visits, anchor, DayCounting.Day1, new Dictionary<string, DateOnly> { ["Cycle 2"] = new(2026, 4, 24) });

        Assert.Equal(new DateOnly(2026, 4, 22), before[1].Planned);
        Assert.Equal(new DateOnly(2026, 5, 13), before[2].Planned);
        Assert.Equal(new DateOnly(2026, 4, 22), after[1].Planned);
        Assert.Equal(new DateOnly(2026, 4, 24), after[1].Actual);
        Assert.Equal(new DateOnly(2026, 5, 15), after[2].Planned);
        Assert.Equal(before[3].Planned, after[3].Planned);
    }

    [Fact]
    public void Named_visit_anchoring_follows_that_visit_even_when_it_comes_later_in_the_list()
    {
        VisitSpec[] visits =
        [
            Visit("Pre-surgery", -3, 1, 0, VisitAnchor.Visit, "Surgery"),
            Visit("Surgery", 8),
        ];

        var plan = VisitWindowCalculator.Plan(visits, new DateOnly(2026, 9, 1), DayCounting.Day1);

        Assert.Equal(new DateOnly(2026, 9, 8), plan[1].Planned);
        Assert.Equal(new DateOnly(2026, 9, 5), plan[0].Planned);
    }

    [Theory]
    [InlineData(2024, 2, 15, 2024, 2, 29)] // leap year: Day 15 from 15 Feb is 29 Feb
    [InlineData(2025, 2, 15, 2025, 3, 1)] // common year: it is 1 March
    [InlineData(2026, 1, 31, 2026, 2, 14)] // across a month end
    [InlineData(2026, 12, 25, 2027, 1, 8)] // across a year end
    public void Leap_years_month_ends_and_year_ends_are_plain_day_arithmetic(int y, int m, int d, int ey, int em, int ed)
    {
        var plan = VisitWindowCalculator.Plan([Visit("Week 2", 15)], new DateOnly(y, m, d), DayCounting.Day1).Single();

        Assert.Equal(new DateOnly(ey, em, ed), plan.Planned);
    }

    [Fact]
    public void A_window_over_29_february_is_one_day_longer_in_calendar_terms_but_the_same_in_days()
    {
        var plan = VisitWindowCalculator.Plan([Visit("Week 4", 29, 3, 3)], new DateOnly(2024, 2, 1), DayCounting.Day1).Single();

        Assert.Equal(new DateOnly(2024, 2, 29), plan.Planned);
        Assert.Equal(new DateOnly(2024, 2, 26), plan.Earliest);
        Assert.Equal(new DateOnly(2024, 3, 3), plan.Latest);
    }

    [Theory]
    [InlineData(12, WindowState.NotYetOpen)]
    [InlineData(13, WindowState.OpenBeforeTarget)]
    [InlineData(15, WindowState.OpenBeforeTarget)]
    [InlineData(16, WindowState.OpenAfterTarget)]
    [InlineData(19, WindowState.OpenAfterTarget)]
    [InlineData(20, WindowState.Closed)]
    public void The_window_state_on_a_day_has_four_values(int dayOfMarch, string expected)
    {
        var week2 = VisitWindowCalculator.Plan(FiveVisits, new DateOnly(2026, 3, 2), DayCounting.Day1)[2]; // target 16 March ±3

        Assert.Equal(expected, week2.StateOn(new DateOnly(2026, 3, dayOfMarch)));
    }
}
