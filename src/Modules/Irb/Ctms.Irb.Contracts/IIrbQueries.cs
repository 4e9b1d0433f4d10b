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

    /// <summary>
    /// Whether the consent version may be used at <paramref name="institutionId"/> on <paramref name="date"/>: an approval
    /// (own or recognised) of the trial is in force there on that date and the decision it came from covered that consent
    /// document (it was part of the approved submission).
    /// </summary>
    Task<bool> ConsentApprovedAsync(Guid institutionId, Guid trialId, Guid consentVersionId, DateOnly date,
        CancellationToken cancellationToken = default);
}
