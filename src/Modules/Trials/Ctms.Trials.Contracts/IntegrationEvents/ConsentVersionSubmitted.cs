namespace Ctms.Trials.Contracts.IntegrationEvents;

/// <summary>A consent version was submitted for IRB review (with its protocol version, or on its own later).</summary>
public sealed record ConsentVersionSubmitted(
    Guid TrialId,
    Guid ProtocolVersionId,
    Guid ConsentVersionId,
    string DocumentName,
    string Version,
    string Language,
    DateTimeOffset SubmittedAt);
