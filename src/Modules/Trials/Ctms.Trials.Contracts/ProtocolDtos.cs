namespace Ctms.Trials.Contracts;

/// <param name="Type">A FHIR arm type: experimental, active-comparator, placebo-comparator, sham-comparator, no-intervention, other.</param>
/// <param name="AllocationRatio">The arm's share in the allocation ratio (2 and 1 for a 2:1 allocation).</param>
public sealed record TrialArmDto(Guid Id, string Name, string Type, int AllocationRatio);

/// <param name="Version">"1.0", "2.0" …</param>
/// <param name="Status">draft or submitted; a submitted version is frozen.</param>
public sealed record ProtocolVersionSummary(Guid Id, Guid TrialId, string Version, string Status, DateTimeOffset? SubmittedAt)
{
    public bool IsSubmitted => Status == "submitted";
}

/// <param name="Type">scheduled, unscheduled or common; only scheduled visits are planned on a date.</param>
/// <param name="Anchor">baseline, previous (the scheduled visit before) or visit (<paramref name="AnchorVisit"/>).</param>
/// <param name="TargetDay">Study day counted from the anchor (see <see cref="ScheduleDto.DayCountingConvention"/>).</param>
public sealed record VisitDefinitionDto(
    Guid Id,
    int Order,
    string Name,
    string Type,
    string Anchor,
    string? AnchorVisit,
    int TargetDay,
    int WindowBefore,
    int WindowAfter,
    IReadOnlyList<string> Procedures);

/// <param name="DayCountingConvention">day-1 (the anchor date is Day 1, no Day 0) or day-0 (the anchor date is Day 0).</param>
public sealed record ScheduleDto(
    Guid ProtocolVersionId,
    Guid TrialId,
    string Version,
    string DayCountingConvention,
    IReadOnlyList<string> Procedures,
    IReadOnlyList<VisitDefinitionDto> Visits);

public sealed record EligibilityCriteriaDto(Guid ProtocolVersionId, IReadOnlyList<string> Inclusion, IReadOnlyList<string> Exclusion);

/// <param name="Language">BCP 47 tag (en, ko).</param>
public sealed record ConsentVersionSummary(Guid Id, Guid ProtocolVersionId, string DocumentName, string Version, string Language, string? FileName);

/// <summary>A planned visit: target date and window (earliest … latest, inclusive).</summary>
public sealed record PlannedVisitDto(string VisitName, DateOnly AnchoredOn, DateOnly Planned, DateOnly Earliest, DateOnly Latest)
{
    /// <summary>not-yet-open, open-before-target, open-after-target (from the target day on) or closed.</summary>
    public string WindowStateOn(DateOnly date) =>
        date < Earliest ? "not-yet-open" : date < Planned ? "open-before-target" : date <= Latest ? "open-after-target" : "closed";
}
