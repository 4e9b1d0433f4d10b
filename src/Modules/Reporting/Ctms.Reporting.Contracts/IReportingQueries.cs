namespace Ctms.Reporting.Contracts;

/// <summary>Reads of the reporting read model (eventually consistent with the owning modules).</summary>
public interface IReportingQueries
{
    Task<IReadOnlyList<SiteEnrollmentCount>> SiteEnrollmentAsync(Guid trialId, CancellationToken cancellationToken = default);
}
