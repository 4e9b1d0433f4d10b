using Ctms.SiteSync.Domain;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;

namespace Ctms.SiteSync.Consumers;

/// <summary>Queues a central → site message for the gateway's relay, in the consumer's SaveChanges (with its inbox row).</summary>
internal static class CentralUpdates
{
    public static void Queue(SiteSyncDbContext db, RegisteredSite site, string type, string? subjectNumber, object body, DateTimeOffset now)
    {
        var (id, json) = CentralMessages.Build(type, site, subjectNumber, null, body, now);
        db.OutboundMessages.Add(new OutboundSiteMessage(id, site.Code, type, json, now));
    }
}
