using Ctms.Subjects.Domain;
using Ctms.Trials.Contracts;

namespace Ctms.Subjects.Features.Visits;

/// <summary>
/// Plans a subject's visits from the schedule of the protocol version effective at the site (Trials computes the
/// windows), and recomputes the still-planned ones when actual dates move their anchors.
/// </summary>
internal sealed class VisitPlanner(ITrialsQueries trials)
{
    public async Task<IReadOnlyList<Visit>> PlanAsync(Subject subject, Guid protocolVersionId, DateOnly anchorDate, CancellationToken cancellationToken)
    {
        var plan = await trials.PlanVisitsAsync(protocolVersionId, anchorDate, null, cancellationToken);
        return plan.Select((p, i) => new Visit(subject.Id, subject.TrialId, subject.SiteId, subject.SubjectNumber, p.VisitName, i + 1, p.Planned, p.Earliest, p.Latest))
            .ToList();
    }

    /// <summary>
    /// The baseline visit is the one planned on the anchor date itself (study day 1, or day 0): its actual date becomes
    /// the subject's anchor, so every visit counted from baseline moves with it.
    /// </summary>
    public static bool IsBaseline(Visit visit, DateOnly? anchorDate) => anchorDate is { } anchor && visit.Planned == anchor && visit.Earliest <= anchor;

    /// <returns>True when any still-planned visit moved.</returns>
    public async Task<bool> ReplanAsync(Subject subject, Guid protocolVersionId, IReadOnlyList<Visit> visits, CancellationToken cancellationToken)
    {
        if (subject.AnchorDate is not { } anchor)
        {
            return false;
        }

        var actuals = visits.Where(v => v.ActualDate is not null).ToDictionary(v => v.Name, v => v.ActualDate!.Value, StringComparer.OrdinalIgnoreCase);
        var plan = await trials.PlanVisitsAsync(protocolVersionId, anchor, actuals, cancellationToken);
        var moved = false;
        foreach (var p in plan)
        {
            if (visits.FirstOrDefault(v => string.Equals(v.Name, p.VisitName, StringComparison.OrdinalIgnoreCase)) is { } visit)
            {
                moved |= visit.Replan(p.Planned, p.Earliest, p.Latest);
            }
        }

        return moved;
    }
}
