namespace Ctms.Subjects.Contracts;

/// <summary>Synchronous, in-process reads of the Subjects module for other modules (no scope check: callers check theirs).</summary>
public interface ISubjectsQueries
{
    Task<IReadOnlyList<SubjectSummary>> ListForSiteAsync(Guid siteId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<SubjectSummary>> ListForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<SubjectSummary?> GetAsync(Guid subjectId, CancellationToken cancellationToken = default);

    /// <summary>The subject with this pseudonymous number at the site, or null.</summary>
    Task<SubjectSummary?> FindByNumberAsync(Guid siteId, string subjectNumber, CancellationToken cancellationToken = default);

    Task<int> CountEnrolledAsync(Guid trialId, CancellationToken cancellationToken = default);

    /// <summary>Every visit of the trial's subjects (planned, occurred, missed), ordered by subject number then visit order.</summary>
    Task<IReadOnlyList<VisitSummary>> ListVisitsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<VisitSummary>> ListVisitsForSubjectAsync(Guid subjectId, CancellationToken cancellationToken = default);

    /// <summary>The trial's protocol deviations that name a subject (site-level ones stay inside Subjects), in identification order.</summary>
    Task<IReadOnlyList<DeviationSummary>> ListDeviationsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    /// <summary>The trial's adverse events, serious or not, with the reporting deadline and lateness of the serious ones.</summary>
    Task<IReadOnlyList<AdverseEventSummary>> ListAdverseEventsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);
}
