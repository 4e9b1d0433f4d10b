namespace Ctms.Sites.Contracts;

/// <summary>Synchronous, in-process reads of the Sites module for other modules.</summary>
public interface ISitesQueries
{
    Task<SiteSummary?> GetAsync(Guid siteId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SiteSummary>> ListAsync(IReadOnlyCollection<Guid> siteIds, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SiteSummary>> ListForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<InstitutionSummary>> ListInstitutionsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every activation milestone of the trial's sites (planned and actual dates), in milestone order per site.</summary>
    Task<IReadOnlyList<SiteMilestoneSummary>> ListMilestonesForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether the user may perform <paramref name="responsibility"/> at the site on <paramref name="date"/>: true only when a
    /// delegation log entry for that user covers the responsibility on that date, carries a valid PI signature, and the
    /// user's GCP training is current on that date. Responsibilities: informed-consent, eligibility-assessment,
    /// study-visits, ae-assessment-reporting, investigational-product, data-entry.
    /// </summary>
    Task<bool> CanPerformAsync(string userId, Guid siteId, string responsibility, DateOnly date, CancellationToken cancellationToken = default);
}
