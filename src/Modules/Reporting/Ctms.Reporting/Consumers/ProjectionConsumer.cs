using Ctms.Reporting.Persistence;
using Ctms.Shared.Messaging;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

/// <summary>
/// A read-model consumer: the projection's effect and the inbox row commit together (exactly once per message id), then
/// open dashboards of the event's trial are told to re-read.
/// </summary>
internal abstract class ProjectionConsumer<TMessage>(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, ILogger logger)
    : InboxConsumer<TMessage, ReportingDbContext>(db, clock, logger)
    where TMessage : class
{
    protected abstract Guid TrialOf(TMessage message);

    /// <summary>Projections set fields (ADR 0012): re-applying after losing a first-insert race is the same as applying once.</summary>
    protected override bool ApplyAgainOnConflict => true;

    protected override void OnApplied(TMessage message) => feed.Publish(TrialOf(message));
}
