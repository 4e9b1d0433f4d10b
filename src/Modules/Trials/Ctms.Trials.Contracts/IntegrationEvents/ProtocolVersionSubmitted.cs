namespace Ctms.Trials.Contracts.IntegrationEvents;

/// <summary>A protocol version (1.0 or an amendment) was submitted for IRB review; from now on it is frozen.</summary>
public sealed record ProtocolVersionSubmitted(
    Guid TrialId,
    string TenantId,
    string ProtocolNumber,
    Guid ProtocolVersionId,
    string Version,
    bool IsAmendment,
    IReadOnlyList<ConsentVersionRef> ConsentVersions,
    DateTimeOffset SubmittedAt);

/// <summary>An informed-consent document version carried by a protocol version.</summary>
public sealed record ConsentVersionRef(Guid ConsentVersionId, string DocumentName, string Version, string Language);
