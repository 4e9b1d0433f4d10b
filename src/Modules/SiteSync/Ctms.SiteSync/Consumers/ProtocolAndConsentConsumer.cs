using Ctms.Irb.Contracts.IntegrationEvents;
using Ctms.Shared.Messaging;
using Ctms.Sites.Contracts;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.Extensions.Logging;

namespace Ctms.SiteSync.Consumers;

/// <summary>
/// An IRB approval in force at an institution (its own IRB's, or a recognised one) is what makes a protocol version
/// effective at the trial's sites there, and the consent versions the decision covered usable: each connected site
/// gets <c>ProtocolVersionEffective</c> with the schedule, then one <c>ConsentVersionApproved</c> per consent version.
/// </summary>
internal sealed class ProtocolAndConsentConsumer(
    SiteSyncDbContext db,
    ISitesQueries sites,
    ITrialsQueries trials,
    SiteSyncSettings settings,
    TimeProvider clock,
    ILogger<ProtocolAndConsentConsumer> logger) : InboxConsumer<IrbApprovalGranted, SiteSyncDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(IrbApprovalGranted message, CancellationToken cancellationToken)
    {
        var affected = await AffectedSites.OfAsync(sites, settings, message.TrialId, message.InstitutionIds, cancellationToken);
        if (affected.Count == 0)
        {
            return;
        }

        var schedule = await trials.GetScheduleAsync(message.ProtocolVersionId, cancellationToken);
        var version = schedule?.Version ?? (await trials.GetProtocolVersionAsync(message.ProtocolVersionId, cancellationToken))?.Version;
        if (version is null)
        {
            // The Trials module does not know the version (another center's trial): nothing true can be said to the site.
            return;
        }

        var visits = (schedule?.Visits ?? [])
            .Where(v => v.Type == "scheduled")
            .OrderBy(v => v.Order)
            .Select(v => new { visitName = v.Name, targetDay = v.TargetDay, windowBefore = v.WindowBefore, windowAfter = v.WindowAfter })
            .ToList();
        var consents = message.ConsentVersionIds.Count == 0
            ? []
            : (await trials.ListConsentVersionsAsync(message.ProtocolVersionId, cancellationToken))
                .Where(c => message.ConsentVersionIds.Contains(c.Id)).ToList();
        var now = Clock.GetUtcNow();
        foreach (var site in affected)
        {
            CentralUpdates.Queue(Db, site, "ProtocolVersionEffective", null,
                new { protocolVersionId = message.ProtocolVersionId, version, visits }, now);
            foreach (var consent in consents)
            {
                CentralUpdates.Queue(Db, site, "ConsentVersionApproved", null,
                    new { consentVersionId = consent.Id, version = consent.Version, protocolVersionId = message.ProtocolVersionId }, now);
            }
        }
    }
}
