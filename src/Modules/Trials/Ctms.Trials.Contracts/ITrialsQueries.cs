namespace Ctms.Trials.Contracts;

/// <summary>Synchronous, in-process reads of the Trials module for other modules.</summary>
public interface ITrialsQueries
{
    Task<TrialSummary?> GetAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TrialSummary>> ListForTenantAsync(string tenantId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<TrialSummary>> ListAsync(IReadOnlyCollection<Guid> trialIds, CancellationToken cancellationToken = default);
}
