using Ctms.Shared.Audit;
namespace Ctms.Irb.Domain;

/// <summary>
/// An approval in force for a protocol version at the institutions an IRB governs: its own (from a signed
/// decision) or recognised (from a relying review of another IRB's decision, inheriting that approval period).
/// </summary>
internal sealed class Approval : IAuditable
{
    private Approval() { }

    public Approval(Guid irbId, string irbName, Guid reviewingIrbId, bool recognised, Guid decisionId, Guid trialId,
        Guid protocolVersionId, IReadOnlyList<Guid> institutionIds, DateOnly approvedOn, DateOnly expiresOn)
    {
        Id = Guid.NewGuid();
        IrbId = irbId;
        IrbName = irbName;
        ReviewingIrbId = reviewingIrbId;
        Recognised = recognised;
        DecisionId = decisionId;
        TrialId = trialId;
        ProtocolVersionId = protocolVersionId;
        InstitutionIds = [.. institutionIds];
        ApprovedOn = approvedOn;
        ExpiresOn = expiresOn;
    }

    public Guid Id { get; private set; }
    public Guid IrbId { get; private set; }
    public string IrbName { get; private set; } = "";
    public Guid ReviewingIrbId { get; private set; }
    public bool Recognised { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid TrialId { get; private set; }
    public Guid ProtocolVersionId { get; private set; }
    public List<Guid> InstitutionIds { get; private set; } = [];
    public DateOnly ApprovedOn { get; private set; }
    public DateOnly ExpiresOn { get; private set; }
    public DateOnly? LapsedOn { get; private set; }
    public string? LapseReason { get; private set; }
    public int Version { get; private set; }

    public bool InForceOn(DateOnly date) => LapsedOn is null && ApprovedOn <= date && date <= ExpiresOn;

    /// <returns>False when it had already lapsed (nothing to do).</returns>
    public bool Lapse(DateOnly on, string reason)
    {
        if (LapsedOn is not null)
        {
            return false;
        }

        LapsedOn = on;
        LapseReason = reason;
        Version++;
        return true;
    }
}
