using Bunit;
using Ctms.Shared.Results;
using Ctms.Trials.Domain.Schedule;
using Ctms.Trials.Features.ScheduleEditor;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ctms.Web.Tests.Trials;

[Trait("Category", "TrialsSites")]
public sealed class ScheduleEditorTests : BunitContext
{
    private readonly List<IReadOnlyList<ScheduleEditor.VisitRow>> _saved = [];

    public ScheduleEditorTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private static ScheduleEditor.VisitRow Row(string name, int target, int before = 0, int after = 0, string anchor = VisitAnchor.Baseline, string? anchorVisit = null) =>
        ScheduleEditor.VisitRow.From(new VisitSpec(name, VisitType.Scheduled, anchor, anchorVisit, target, before, after, []));

    private IRenderedComponent<ScheduleEditor> RenderEditor(IReadOnlyList<Error>? serverErrors = null, params ScheduleEditor.VisitRow[] rows) =>
        Render<ScheduleEditor>(p => p
            .Add(e => e.Visits, rows)
            .Add(e => e.InitialProcedures, ["Vital signs"])
            .Add(e => e.DayCountingConvention, "day-1")
            .Add(e => e.ExampleDate, new DateOnly(2026, 3, 2))
            .Add(e => e.OnSave, (_, visits) =>
            {
                _saved.Add(visits);
                return Task.FromResult(serverErrors ?? []);
            }));

    [Fact]
    public void A_duplicate_visit_name_shows_an_error_at_that_row_and_nothing_is_saved()
    {
        var cut = RenderEditor(null, Row("Baseline", 1), Row("Week 2", 15, 3, 3));

        cut.Find("[data-testid=visit-name-1]").Change("baseline");
        cut.Find("[data-testid=save-schedule]").Click();

        Assert.Contains("already used in row 1", cut.Find("[data-testid=visit-error-1]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=visit-error-0]"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void An_anchor_cycle_and_a_negative_window_are_shown_at_their_rows()
    {
        var cut = RenderEditor(null, Row("Baseline", 1), Row("A", 8, anchor: VisitAnchor.Visit, anchorVisit: "B"), Row("B", 8, anchor: VisitAnchor.Visit, anchorVisit: "A"));

        cut.Find("[data-testid=save-schedule]").Click();
        Assert.Contains("anchor cycle", cut.Find("[data-testid=visit-error-1]").TextContent, StringComparison.Ordinal);
        Assert.Contains("anchor cycle", cut.Find("[data-testid=visit-error-2]").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=visit-anchor-2]").Change(VisitAnchor.Baseline);
        cut.Find("[data-testid=visit-before-0]").Change("-2");
        cut.Find("[data-testid=save-schedule]").Click();

        Assert.Contains("cannot be negative", cut.Find("[data-testid=visit-error-0]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=visit-error-2]"));
        Assert.Empty(_saved);
    }

    [Fact]
    public void A_valid_schedule_shows_its_windows_for_the_example_date_and_is_saved()
    {
        var cut = RenderEditor(null, Row("Baseline", 1), Row("Week 2", 15, 3, 3));

        Assert.Contains("2026-03-16", cut.Find("[data-testid='timeline-Week 2']").TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-03-13 … 2026-03-19", cut.Find("[data-testid='timeline-Week 2']").TextContent, StringComparison.Ordinal);

        cut.Find("[data-testid=add-visit]").Click();
        cut.Find("[data-testid=visit-name-2]").Change("Week 4");
        cut.Find("[data-testid=visit-target-2]").Change("29");
        cut.Find("[data-testid=grid-0-2]").Change(true);
        cut.Find("[data-testid=save-schedule]").Click();

        var saved = Assert.Single(_saved);
        Assert.Equal(["Baseline", "Week 2", "Week 4"], saved.Select(v => v.Name));
        Assert.Equal(["Vital signs"], saved[2].Procedures);
        Assert.Contains("2026-03-30", cut.Find("[data-testid='timeline-Week 4']").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_the_server_answers_are_shown_at_their_row_too()
    {
        var cut = RenderEditor([Error.Validation("Visits[1].TargetDay", "Server says no."), new Error("protocol-version-frozen", "Frozen.")],
            Row("Baseline", 1), Row("Week 2", 15));

        cut.Find("[data-testid=save-schedule]").Click();

        Assert.Equal("Server says no.", cut.Find("[data-testid=visit-error-1]").TextContent);
        Assert.Contains("Frozen.", cut.Find("[data-testid=schedule-errors]").TextContent, StringComparison.Ordinal);
    }
}
