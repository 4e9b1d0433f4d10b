namespace Ctms.Trials.Contracts;

/// <summary>Synchronous, in-process reads of the Trials module for other modules. No scope checks: the caller checks its own.</summary>
public interface ITrialsQueries
{
    Task<TrialSummary?> GetAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TrialSummary>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TrialSummary>> ListAsync(IReadOnlyCollection<Guid> trialIds, CancellationToken cancellationToken = default);

    /// <summary>Every trial of every tenant, by protocol number (for rebuilding read models, never for a user's view).</summary>
    Task<IReadOnlyList<TrialSummary>> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The trial's arms in order (FHIR ResearchStudy.arm).</summary>
    Task<IReadOnlyList<TrialArmDto>> GetArmsAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<ProtocolVersionSummary?> GetProtocolVersionAsync(Guid protocolVersionId, CancellationToken cancellationToken = default);

    /// <summary>The trial's latest submitted protocol version (drafts are not current), or null.</summary>
    Task<ProtocolVersionSummary?> GetCurrentProtocolVersionAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ProtocolVersionSummary>> ListProtocolVersionsAsync(Guid trialId, CancellationToken cancellationToken = default);

    /// <summary>The schedule of assessments of a protocol version, with the trial's day-counting convention.</summary>
    Task<ScheduleDto?> GetScheduleAsync(Guid protocolVersionId, CancellationToken cancellationToken = default);

    Task<EligibilityCriteriaDto?> GetCriteriaAsync(Guid protocolVersionId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ConsentVersionSummary>> ListConsentVersionsAsync(Guid protocolVersionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The planned date and window of every scheduled visit of a protocol version for a subject whose anchor (baseline)
    /// date is <paramref name="anchorDate"/>. Actual dates already recorded, by visit name, move the visits anchored to them.
    /// Empty when the protocol version is unknown.
    /// </summary>
    Task<IReadOnlyList<PlannedVisitDto>> PlanVisitsAsync(Guid protocolVersionId, DateOnly anchorDate,
        IReadOnlyDictionary<string, DateOnly>? actualDates = null, CancellationToken cancellationToken = default);
}
