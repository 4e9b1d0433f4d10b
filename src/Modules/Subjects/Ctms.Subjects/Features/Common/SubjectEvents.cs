using Ctms.Shared.Messaging;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Persistence;

namespace Ctms.Subjects.Features.Common;

internal static class SubjectEvents
{
    /// <summary>Publishes <see cref="SubjectStatusChanged"/> when the status moved since <paramref name="oldStatus"/>.</summary>
    public static void StatusChanged(this SubjectsDbContext db, Subject subject, string oldStatus, DateTimeOffset now)
    {
        if (oldStatus != subject.Status)
        {
            db.AddIntegrationEvent(new SubjectStatusChanged(subject.Id, subject.TrialId, subject.SiteId, subject.SubjectNumber, oldStatus, subject.Status, now), now);
        }
    }

    public static void ScheduleUpdated(this SubjectsDbContext db, Subject subject, Guid protocolVersionId, IEnumerable<Visit> visits, DateTimeOffset now) =>
        db.AddIntegrationEvent(new VisitScheduleUpdated(subject.Id, subject.TrialId, subject.SiteId, subject.SubjectNumber, protocolVersionId,
            visits.Where(v => v.IsPlanned).OrderBy(v => v.Order)
                .Select(v => new PlannedVisit(v.Id, v.Name, v.Order, v.Planned, v.Earliest, v.Latest)).ToList(), now), now);
}
