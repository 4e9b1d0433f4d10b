using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Sites.Contracts.IntegrationEvents;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

// Site status and activation milestones into the read model. One class per event: each gets its own queue ({center}.reporting-<event>).

internal sealed class SiteActivatedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SiteProjection projection, ILogger<SiteActivatedConsumer> logger)
    : ProjectionConsumer<SiteActivated>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SiteActivated message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SiteActivated message) => message.TrialId;
}

internal sealed class SiteStatusChangedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SiteProjection projection, ILogger<SiteStatusChangedConsumer> logger)
    : ProjectionConsumer<SiteStatusChanged>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SiteStatusChanged message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SiteStatusChanged message) => message.TrialId;
}

internal sealed class SiteMilestoneReachedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SiteProjection projection, ILogger<SiteMilestoneReachedConsumer> logger)
    : ProjectionConsumer<SiteMilestoneReached>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SiteMilestoneReached message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SiteMilestoneReached message) => message.TrialId;
}
