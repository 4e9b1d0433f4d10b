using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Irb.Contracts.IntegrationEvents;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

// IRB approvals (own and recognised) and their lapses into the read model. One class per event: each gets its own queue ({center}.reporting-<event>).

internal sealed class IrbApprovalGrantedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SiteProjection projection, ILogger<IrbApprovalGrantedConsumer> logger)
    : ProjectionConsumer<IrbApprovalGranted>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(IrbApprovalGranted message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(IrbApprovalGranted message) => message.TrialId;
}

internal sealed class IrbApprovalLapsedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SiteProjection projection, ILogger<IrbApprovalLapsedConsumer> logger)
    : ProjectionConsumer<IrbApprovalLapsed>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(IrbApprovalLapsed message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(IrbApprovalLapsed message) => message.TrialId;
}
