namespace Ctms.Irb.Contracts;

/// <summary>Synchronous, in-process reads of the Irb module for other modules.</summary>
public interface IIrbQueries
{
    Task<IReadOnlyList<IrbSummary>> ListAsync(IReadOnlyCollection<Guid> irbIds, CancellationToken cancellationToken = default);
}
