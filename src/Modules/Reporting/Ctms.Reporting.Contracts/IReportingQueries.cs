namespace Ctms.Reporting.Contracts;

/// <summary>Reads of the reporting read model (eventually consistent with the owning modules). No scope checks: callers check theirs.</summary>
public interface IReportingQueries
{
    Task<IReadOnlyList<SiteEnrollmentCount>> SiteEnrollmentAsync(Guid trialId, CancellationToken cancellationToken = default);

    /// <summary>Every site of the trial that has any fact in the read model, with its figures as of <paramref name="today"/>.</summary>
    Task<IReadOnlyList<SiteMetrics>> SiteMetricsAsync(Guid trialId, DateOnly today, CancellationToken cancellationToken = default);

    /// <summary>Enrollments per day, in day order.</summary>
    Task<IReadOnlyList<DailyEnrollment>> DailyEnrollmentAsync(Guid trialId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<ArmCount>> RandomizedByArmAsync(Guid trialId, CancellationToken cancellationToken = default);
}
