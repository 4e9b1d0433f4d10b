using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

// Subject lifecycle events into the subject rows of the read model. One class per event: each gets its own queue ({center}.reporting-<event>).

internal sealed class SubjectScreenedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<SubjectScreenedConsumer> logger)
    : ProjectionConsumer<SubjectScreened>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SubjectScreened message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SubjectScreened message) => message.TrialId;
}

internal sealed class ConsentSignedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<ConsentSignedConsumer> logger)
    : ProjectionConsumer<ConsentSigned>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(ConsentSigned message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(ConsentSigned message) => message.TrialId;
}

internal sealed class EligibilityAssessedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<EligibilityAssessedConsumer> logger)
    : ProjectionConsumer<EligibilityAssessed>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(EligibilityAssessed message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(EligibilityAssessed message) => message.TrialId;
}

internal sealed class SubjectEnrolledConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<SubjectEnrolledConsumer> logger)
    : ProjectionConsumer<SubjectEnrolled>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SubjectEnrolled message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SubjectEnrolled message) => message.TrialId;
}

internal sealed class SubjectRandomizedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<SubjectRandomizedConsumer> logger)
    : ProjectionConsumer<SubjectRandomized>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SubjectRandomized message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SubjectRandomized message) => message.TrialId;
}

internal sealed class SubjectStatusChangedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<SubjectStatusChangedConsumer> logger)
    : ProjectionConsumer<SubjectStatusChanged>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SubjectStatusChanged message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SubjectStatusChanged message) => message.TrialId;
}

internal sealed class SubjectWithdrawnConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<SubjectWithdrawnConsumer> logger)
    : ProjectionConsumer<SubjectWithdrawn>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SubjectWithdrawn message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SubjectWithdrawn message) => message.TrialId;
}

internal sealed class SubjectCompletedConsumer(ReportingDbContext db, TimeProvider clock, ReportingChangeFeed feed, SubjectProjection projection, ILogger<SubjectCompletedConsumer> logger)
    : ProjectionConsumer<SubjectCompleted>(db, clock, feed, logger)
{
    protected override Task ApplyAsync(SubjectCompleted message, CancellationToken cancellationToken) => projection.ApplyAsync(message, cancellationToken);

    protected override Guid TrialOf(SubjectCompleted message) => message.TrialId;
}
