using Ctms.Sites.Contracts;

namespace Ctms.Irb.Features.Approvals;

/// <summary>Which institutions an IRB governs, and which local IRBs govern a trial's sites (from the Sites module).</summary>
internal sealed class IrbInstitutions(ISitesQueries sites)
{
    public async Task<IReadOnlyList<Guid>> GovernedByAsync(Guid irbId, CancellationToken cancellationToken) =>
        (await sites.ListInstitutionsAsync(cancellationToken)).Where(i => i.IrbId == irbId).Select(i => i.Id).ToList();

    /// <summary>The IRBs governing the institutions where the trial has sites.</summary>
    public async Task<IReadOnlyList<Guid>> ParticipatingIrbsAsync(Guid trialId, CancellationToken cancellationToken)
    {
        var institutions = (await sites.ListInstitutionsAsync(cancellationToken)).ToDictionary(i => i.Id);
        return (await sites.ListForTrialAsync(trialId, cancellationToken))
            .Select(s => institutions.TryGetValue(s.InstitutionId, out var i) ? i.IrbId : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToList();
    }
}
