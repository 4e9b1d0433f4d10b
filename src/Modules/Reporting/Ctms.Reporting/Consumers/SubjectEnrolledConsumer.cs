using Ctms.Reporting.Domain;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Messaging;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Reporting.Consumers;

/// <summary>Counts an enrollment in the site's read-model row, exactly once per message (inbox).</summary>
internal sealed class SubjectEnrolledConsumer(
    ReportingDbContext db,
    TimeProvider clock,
    ReportingChangeFeed feed,
    ILogger<SubjectEnrolledConsumer> logger) : InboxConsumer<SubjectEnrolled, ReportingDbContext>(db, clock, logger)
{
    protected override async Task ApplyAsync(SubjectEnrolled message, CancellationToken cancellationToken)
    {
        if (message.SiteId == Guid.Empty || message.TrialId == Guid.Empty || string.IsNullOrWhiteSpace(message.SubjectNumber))
        {
            throw new InvalidDataException("SubjectEnrolled needs a trial id, a site id and a subject number.");
        }

        var stat = await Db.SiteEnrollment.SingleOrDefaultAsync(s => s.SiteId == message.SiteId, cancellationToken);
        if (stat is null)
        {
            stat = new SiteEnrollmentStat(message.TrialId, message.SiteId);
            Db.SiteEnrollment.Add(stat);
        }

        stat.CountEnrollment(message.EnrolledAt);
    }

    protected override void OnApplied(SubjectEnrolled message) => feed.Publish(message.TrialId);
}
