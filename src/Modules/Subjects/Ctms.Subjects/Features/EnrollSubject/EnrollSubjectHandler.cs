using Ctms.Irb.Contracts;
using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Domain.Rules;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Features.Visits;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Subjects.Features.EnrollSubject;

/// <summary>
/// Enrolls a subject: scope, site and trial state, IRB approval in force, delegation, consent, eligibility and caps,
/// then one SaveChanges with the subject, its planned visits, both counters and the outbox rows. The counters'
/// concurrency tokens make racing enrollments conflict in the database; the loser re-reads and re-checks the caps,
/// so caps hold under any concurrency.
/// </summary>
internal sealed class EnrollSubjectHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    ISitesQueries sites,
    ITrialsQueries trials,
    IIrbQueries irb,
    ICurrentUser user,
    VisitPlanner planner,
    IAuditReason reason,
    TimeProvider clock,
    ILogger<EnrollSubjectHandler> logger) : ICommandHandler<EnrollSubjectCommand, EnrolledSubject>
{
    private const int MaxAttempts = 20;

    public async Task<Result<EnrolledSubject>> HandleAsync(EnrollSubjectCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<EnrolledSubject>.FromErrors(loaded.Errors);
        }

        var (site, trial, _) = loaded.Value;
        var today = clock.Today();
        var version = await trials.GetCurrentProtocolVersionAsync(trial.Id, cancellationToken);
        var approval = version is null
            ? null
            : await irb.ApprovalInForceAsync(site.InstitutionId, trial.Id, version.Id, today, cancellationToken);
        var standing = new List<Error>();
        if (EnrollmentRules.IrbApproval(site, version, approval) is { } irbRefusal)
        {
            standing.Add(irbRefusal);
        }

        if (await DelegationCheck.CheckAsync(sites, user, site, DelegationCheck.EligibilityAssessment, today, cancellationToken) is { } notDelegated)
        {
            standing.Add(notDelegated);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var subject = await db.Subjects.SingleAsync(s => s.Id == loaded.Value.Subject.Id, cancellationToken);
            var siteCounter = await db.SiteCounters.SingleOrDefaultAsync(c => c.SiteId == site.Id, cancellationToken);
            var trialCounter = await db.TrialCounters.SingleOrDefaultAsync(c => c.TrialId == trial.Id, cancellationToken);

            var consentApproved = subject.ConsentVersionId is { } consentId &&
                                  await irb.ConsentApprovedAsync(site.InstitutionId, trial.Id, consentId, today, cancellationToken);
            var refusals = EnrollmentRules.Check(site, trial, siteCounter?.Enrolled ?? 0, trialCounter?.Enrolled ?? 0)
                .Concat(standing)
                .Concat(EnrollmentRules.SubjectReady(subject, consentApproved))
                .ToList();
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
            var oldStatus = subject.Status;
            if (subject.Enroll(version!.Id, now, today, loader.Actor) is { } refused)
            {
                return refused;
            }

            siteCounter.CountEnrollment();
            trialCounter.CountEnrollment();
            var visits = await planner.PlanAsync(subject, version.Id, today, cancellationToken);
            db.Visits.AddRange(visits);
            db.AddIntegrationEvent(new SubjectEnrolled(subject.Id, trial.Id, site.Id, subject.SubjectNumber, now), now);
            db.StatusChanged(subject, oldStatus, now);
            db.ScheduleUpdated(subject, version.Id, visits, now);

            try
            {
                using (reason.Use("Enrolled"))
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

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
