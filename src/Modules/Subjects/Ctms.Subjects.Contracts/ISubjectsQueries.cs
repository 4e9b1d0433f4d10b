namespace Ctms.Subjects.Contracts;

/// <summary>Synchronous, in-process reads of the Subjects module for other modules (no scope check: callers check theirs).</summary>
public interface ISubjectsQueries
{
    Task<IReadOnlyList<SubjectSummary>> ListForSiteAsync(Guid siteId, CancellationToken cancellationToken = default);

    Task<int> CountEnrolledAsync(Guid trialId, CancellationToken cancellationToken = default);
}
