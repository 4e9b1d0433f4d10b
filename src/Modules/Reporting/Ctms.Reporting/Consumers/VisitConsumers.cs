using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

// Visit events into the visit rows of the read model. One class per event: each gets its own queue ({center}.reporting-<event>).

internal sealed class VisitScheduleUpdatedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, VisitProjection projection, ILogger<VisitScheduleUpdatedConsumer> logger)
    : ProjectionConsumer<VisitScheduleUpdated>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(VisitScheduleUpdated message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(VisitScheduleUpdated message) => message.TrialId;
}

internal sealed class VisitOccurredConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, VisitProjection projection, ILogger<VisitOccurredConsumer> logger)
    : ProjectionConsumer<VisitOccurred>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(VisitOccurred message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(VisitOccurred message) => message.TrialId;
}

internal sealed class VisitMissedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, VisitProjection projection, ILogger<VisitMissedConsumer> logger)
    : ProjectionConsumer<VisitMissed>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(VisitMissed message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(VisitMissed message) => message.TrialId;
}
