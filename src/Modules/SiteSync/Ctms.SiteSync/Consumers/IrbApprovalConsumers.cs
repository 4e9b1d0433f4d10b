using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Shared.Messaging;
using Ctms.Sites.Contracts;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using Microsoft.Extensions.Logging;

namespace Ctms.SiteSync.Consumers;

/// <summary>The connected sites of a trial at the given institutions.</summary>
internal static class AffectedSites
{
    public static async Task<IReadOnlyList<RegisteredSite>> OfAsync(
        ISitesQueries sites, SiteSyncSettings settings, Guid trialId, IReadOnlyList<Guid> institutionIds, CancellationToken cancellationToken)
    {
        if (settings.Sites.Count == 0)
        {
            return [];
        }

        var ofTrial = await sites.ListForTrialAsync(trialId, cancellationToken);
        return ofTrial.Where(s => institutionIds.Contains(s.InstitutionId))
            .Select(s => settings.BySiteId(s.Id)).OfType<RegisteredSite>().ToList();
    }
}

/// <summary>Tells each connected site at the recognising institutions that the approval is now in force there.</summary>
internal sealed class IrbApprovalRecognizedConsumer(
    SiteSyncDbContext db,
    ISitesQueries sites,
    SiteSyncSettings settings,
    TimeProvider clock,
    ILogger<IrbApprovalRecognizedConsumer> logger) : InboxConsumer<IrbApprovalRecognized, SiteSyncDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(IrbApprovalRecognized message, CancellationToken cancellationToken)
    {
        foreach (var site in await AffectedSites.OfAsync(sites, settings, message.TrialId, message.InstitutionIds, cancellationToken))
        {
            CentralUpdates.Queue(Db, site, "IrbApprovalRecognized", null, new
            {
                trialId = message.TrialId,
                protocolVersionId = message.ProtocolVersionId,
                approvedOn = message.ApprovedOn,
                expiresOn = message.ExpiresOn,
            }, Clock.GetUtcNow());
        }
    }
}

/// <summary>Tells each connected site covered by a lapsed approval to stop enrolling and starting new procedures.</summary>
internal sealed class IrbApprovalLapsedConsumer(
    SiteSyncDbContext db,
    ISitesQueries sites,
    SiteSyncSettings settings,
    TimeProvider clock,
    ILogger<IrbApprovalLapsedConsumer> logger) : InboxConsumer<IrbApprovalLapsed, SiteSyncDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(IrbApprovalLapsed message, CancellationToken cancellationToken)
    {
        foreach (var site in await AffectedSites.OfAsync(sites, settings, message.TrialId, message.InstitutionIds, cancellationToken))
        {
            CentralUpdates.Queue(Db, site, "IrbApprovalLapsed", null, new
            {
                trialId = message.TrialId,
                protocolVersionId = message.ProtocolVersionId,
                lapsedOn = message.LapsedOn,
                reason = message.Reason,
            }, Clock.GetUtcNow());
        }
    }
}
