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
    public bool IsRecruiting => Status == "active";
}
