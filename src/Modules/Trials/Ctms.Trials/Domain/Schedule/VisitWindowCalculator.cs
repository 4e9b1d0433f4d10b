namespace Ctms.Trials.Domain.Schedule;

internal static class WindowState
{
    public const string NotYetOpen = "not-yet-open";
    public const string OpenBeforeTarget = "open-before-target";

    /// <summary>From the target day itself to the last day of the window.</summary>
    public const string OpenAfterTarget = "open-after-target";

    /// <summary>After the window: a visit done now is out of window.</summary>
    public const string Closed = "closed";
}

/// <param name="AnchoredOn">The date the visit's anchor had: the subject's anchor date, or the anchor visit's actual date when recorded, else its planned date.</param>
internal sealed record PlannedVisitWindow(string Name, DateOnly AnchoredOn, DateOnly Planned, DateOnly Earliest, DateOnly Latest, DateOnly? Actual)
{
    public string StateOn(DateOnly date) => VisitWindowCalculator.StateOn(this, date);
}

/// <summary>
/// Pure: plans the scheduled visits of a schedule from a subject's anchor date (CDISC ODM RelativeTimingConstraint:
/// anchor + target − pre … anchor + target + post). The study day numbering follows the trial: with Day 1 the anchor
/// date is Day 1 (Day 15 is 14 days later and Day −1 the day before; there is no Day 0); with Day 0 the anchor date is
/// Day 0. A visit anchored to another visit counts from that visit's actual date once recorded, otherwise its planned
/// date, so recording an actual date moves every later visit that depends on it.
/// </summary>
internal static class VisitWindowCalculator
{
    /// <summary>Days from the anchor date to study day <paramref name="targetDay"/>.</summary>
    public static int OffsetDays(int targetDay, string dayCounting)
    {
        if (dayCounting == DayCounting.Day0)
        {
            return targetDay;
        }

        return targetDay switch
        {
            > 0 => targetDay - 1,
            < 0 => targetDay,
            _ => throw new ArgumentOutOfRangeException(nameof(targetDay), "There is no Day 0 when the anchor date is Day 1."),
        };
    }

    public static IReadOnlyList<PlannedVisitWindow> Plan(
        IReadOnlyList<VisitSpec> visits,
        DateOnly anchorDate,
        string dayCounting,
        IReadOnlyDictionary<string, DateOnly>? actualDates = null)
    {
        var actuals = new Dictionary<string, DateOnly>(actualDates ?? new Dictionary<string, DateOnly>(), StringComparer.OrdinalIgnoreCase);
        var planned = new Dictionary<int, PlannedVisitWindow>();

        PlannedVisitWindow PlanRow(int row, int depth)
        {
            if (planned.TryGetValue(row, out var done))
            {
                return done;
            }

            if (depth > visits.Count)
            {
                throw new InvalidOperationException("The schedule's anchors form a cycle; validate it with ScheduleRules first.");
            }

            var v = visits[row];
            var anchorRow = ScheduleRules.AnchorRow(visits, row);
            var anchoredOn = anchorRow < 0 ? anchorDate : DateOf(PlanRow(anchorRow, depth + 1));
            var target = anchoredOn.AddDays(OffsetDays(v.TargetDay, dayCounting));
            var window = new PlannedVisitWindow(v.Name, anchoredOn, target, target.AddDays(-v.WindowBefore), target.AddDays(v.WindowAfter),
                actuals.TryGetValue(v.Name, out var actual) ? actual : null);
            planned[row] = window;
            return window;
        }

        var result = new List<PlannedVisitWindow>();
        for (var i = 0; i < visits.Count; i++)
        {
            if (visits[i].IsPlanned)
            {
                result.Add(PlanRow(i, 0));
            }
        }

        return result;
    }

    public static string StateOn(PlannedVisitWindow window, DateOnly date) =>
        date < window.Earliest ? WindowState.NotYetOpen
        : date < window.Planned ? WindowState.OpenBeforeTarget
        : date <= window.Latest ? WindowState.OpenAfterTarget
        : WindowState.Closed;

    private static DateOnly DateOf(PlannedVisitWindow w) => w.Actual ?? w.Planned;
}
