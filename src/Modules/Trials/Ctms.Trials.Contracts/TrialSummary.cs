namespace Ctms.Trials.Contracts;

/// <summary>A trial as other modules see it. Status is the FHIR R4 ResearchStudy status code.</summary>
public sealed record TrialSummary(
    Guid Id,
    string TenantId,
    string ProtocolNumber,
    string Title,
    string Phase,
    string Status,
    int TargetEnrollment,
    bool AllowOverEnrollment)
{
    /// <summary>The trial's concurrency version: the API's ETag, and what an update's If-Match must name.</summary>
    public int Version { get; init; }

    public bool IsRecruiting => Status == "active";

    /// <summary>day-1 (default) or day-0.</summary>
    public string DayCountingConvention { get; init; } = "day-1";

    /// <summary>Hours from site awareness within which a serious adverse event must be reported (default 24).</summary>
    public int SaeReportingHours { get; init; } = 24;

    public string? RegistryId { get; init; }

    public string TherapeuticArea { get; init; } = "";
}
