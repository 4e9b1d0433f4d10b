using Microsoft.EntityFrameworkCore;

namespace Ctms.Shared.Messaging;

public static class OutboxDbContextExtensions
{
    /// <summary>Queues an integration event in the module's outbox; it is written by the caller's SaveChanges.</summary>
    public static void AddIntegrationEvent(this DbContext db, object integrationEvent, DateTimeOffset occurredAt) =>
        db.Set<OutboxMessage>().Add(OutboxMessage.From(integrationEvent, occurredAt));
}
