using Ctms.Irb.Contracts;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Rules;
using Ctms.Subjects.Features.Access;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Subjects.Features.EnrollSubject;

/// <summary>
/// Enrolls a subject: scope, site and trial state, caps, then one SaveChanges with the subject, both counters
/// and the <see cref="SubjectEnrolled"/> outbox row. The counters' concurrency tokens make racing enrollments
/// conflict in the database; the loser re-reads and re-checks the caps, so caps hold under any concurrency.
/// </summary>
internal sealed class EnrollSubjectHandler(
    SubjectsDbContext db,
    ISitesQueries sites,
    ITrialsQueries trials,
    IIrbQueries irb,
    ICurrentUser user,
    TimeProvider clock,
    ILogger<EnrollSubjectHandler> logger) : ICommandHandler<EnrollSubjectCommand, EnrolledSubject>
{
    private const int MaxAttempts = 20;

    public async Task<Result<EnrolledSubject>> HandleAsync(EnrollSubjectCommand command, CancellationToken cancellationToken = default)
    {
        if (SiteStaffAccess.Check(user, command.SiteId) is { } denied)
        {
            return denied;
        }

        var site = await sites.GetAsync(command.SiteId, cancellationToken);
        if (site is null)
        {
            return Error.NotFound("The site");
        }

        var trial = await trials.GetAsync(site.TrialId, cancellationToken);
        if (trial is null)
        {
            return Error.NotFound("The site's trial");
        }

        var version = await trials.GetCurrentProtocolVersionAsync(trial.Id, cancellationToken);
        var approval = version is null
            ? null
            : await irb.ApprovalInForceAsync(site.InstitutionId, trial.Id, version.Id, clock.Today(), cancellationToken);
        var irbRefusal = EnrollmentRules.IrbApproval(site, version, approval);

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var siteCounter = await db.SiteCounters.SingleOrDefaultAsync(c => c.SiteId == site.Id, cancellationToken);
            var trialCounter = await db.TrialCounters.SingleOrDefaultAsync(c => c.TrialId == trial.Id, cancellationToken);

            var refusals = EnrollmentRules.Check(site, trial, siteCounter?.Enrolled ?? 0, trialCounter?.Enrolled ?? 0);
            if (irbRefusal is not null)
            {
                refusals = [.. refusals, irbRefusal];
            }

            if (refusals.Count > 0)
            {
                return Result<EnrolledSubject>.FromErrors(refusals);
            }

            if (siteCounter is null)
            {
                siteCounter = new SiteEnrollmentCounter(site.Id, trial.Id);
                db.SiteCounters.Add(siteCounter);
            }

            if (trialCounter is null)
            {
                trialCounter = new TrialEnrollmentCounter(trial.Id);
                db.TrialCounters.Add(trialCounter);
            }

            var now = clock.GetUtcNow();
            var subject = Subject.Enroll(trial.Id, site.Id, siteCounter.IssueSubjectNumber(site.Code), now, user.UserId ?? user.DisplayName);
            siteCounter.CountEnrollment();
            trialCounter.CountEnrollment();
            db.Subjects.Add(subject);
            db.AddIntegrationEvent(new SubjectEnrolled(subject.Id, trial.Id, site.Id, subject.SubjectNumber, now), now);

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new EnrolledSubject(subject.Id, subject.SubjectNumber);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                // Another enrollment changed a counter first (or created it): re-read and re-check the caps.
                logger.LogDebug(ex, "Enrollment at site {Site} conflicted, attempt {Attempt}", site.Code, attempt);
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict("The site is busy with other enrollments; please try again.");
            }
        }
    }
}
