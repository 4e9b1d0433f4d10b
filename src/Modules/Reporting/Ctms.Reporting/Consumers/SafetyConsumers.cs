using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

// Deviations and SAEs into the read model. One class per event: each gets its own queue ({center}.reporting-<event>).

internal sealed class DeviationRecordedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SafetyProjection projection, ILogger<DeviationRecordedConsumer> logger)
    : ProjectionConsumer<DeviationRecorded>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(DeviationRecorded message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(DeviationRecorded message) => message.TrialId;
}

internal sealed class SeriousAdverseEventReportedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SafetyProjection projection, ILogger<SeriousAdverseEventReportedConsumer> logger)
    : ProjectionConsumer<SeriousAdverseEventReported>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SeriousAdverseEventReported message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SeriousAdverseEventReported message) => message.TrialId;
}
