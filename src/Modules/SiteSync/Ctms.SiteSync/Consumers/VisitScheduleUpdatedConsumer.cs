using Ctms.Shared.Messaging;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.Extensions.Logging;

namespace Ctms.SiteSync.Consumers;

/// <summary>Sends a subject's recomputed visit schedule to its site, when the site is connected to the gateway.</summary>
internal sealed class VisitScheduleUpdatedConsumer(
    SiteSyncDbContext db,
    SiteSyncSettings settings,
    TimeProvider clock,
    ILogger<VisitScheduleUpdatedConsumer> logger) : InboxConsumer<VisitScheduleUpdated, SiteSyncDbContext>(db, clock, logger)
{
    protected override Task ApplyAsync(VisitScheduleUpdated message, CancellationToken cancellationToken)
    {
        if (settings.BySiteId(message.SiteId) is { } site)
        {
            CentralUpdates.Queue(Db, site, "VisitScheduleUpdated", message.SubjectNumber, new
            {
                protocolVersionId = message.ProtocolVersionId,
                visits = message.Visits.OrderBy(v => v.Order).Select(v => new
                {
                    visitName = v.VisitName,
                    order = v.Order,
                    planned = v.Planned,
                    earliest = v.Earliest,
                    latest = v.Latest,
                }),
            }, Clock.GetUtcNow());
        }

        return Task.CompletedTask;
    }
}
