namespace Ctms.Irb.Contracts;

/// <summary>Synchronous, in-process reads of the Irb module for other modules.</summary>
public interface IIrbQueries
{
    Task<IReadOnlyList<IrbSummary>> ListAsync(IReadOnlyCollection<Guid> irbIds, CancellationToken cancellationToken = default);

    /// <summary>Every approval (own or recognised) recorded at this center for the trial, lapsed ones included, by expiry.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ListApprovalsForTrialAsync(Guid trialId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The approval (own or recognised) in force at <paramref name="institutionId"/> for the trial's protocol version on
    /// <paramref name="date"/>, or the reason there is none (never approved, expired, lapsed, recognition pending).
    /// </summary>
    Task<ApprovalStatus> ApprovalInForceAsync(Guid institutionId, Guid trialId, Guid protocolVersionId, DateOnly date,
        CancellationToken cancellationToken = default);
}
