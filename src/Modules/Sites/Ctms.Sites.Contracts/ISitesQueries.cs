namespace Ctms.Sites.Contracts;

/// <summary>Synchronous, in-process reads of the Sites module for other modules.</summary>
public interface ISitesQueries
{
    Task<SiteSummary?> GetAsync(Guid siteId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SiteSummary>> ListAsync(IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SiteSummary>> ListForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InstitutionSummary>> ListInstitutionsAsync(CancellationToken cancellationToken = default);
}
