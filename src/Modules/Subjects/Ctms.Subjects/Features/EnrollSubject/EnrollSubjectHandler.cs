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
/// then one transaction with the subject, its planned visits, the audit entries, the outbox rows and both counters.
/// The counters are raised by <see cref="EnrollmentCounting"/>'s conditional increments inside that transaction, so
/// racing enrollments queue on the counter rows instead of failing and retrying (ADR 0020), and a cap holds under
/// any concurrency: the increment that would pass it changes no row and the whole transaction is rolled back.
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
    /// <summary>Only a race on the subject itself (two enrollments of one subject) conflicts now; its retry re-reads and refuses clearly.</summary>
    private const int MaxAttempts = 3;

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

        var counting = new EnrollmentCounting(db, site, trial);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Inside the execution strategy: with retries on (PostgreSQL, SQL Server) EF refuses a bare user transaction.
                return await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    ct => AttemptAsync(loaded.Value.Subject.Id, site, trial, version, standing, counting, ct), cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex) when (attempt < MaxAttempts)
            {
                // The subject changed under us (enrolled or withdrawn at the same moment): re-read and re-check it.
                logger.LogDebug(ex, "Enrollment of {Subject} at site {Site} conflicted, attempt {Attempt}", command.SubjectNumber, site.Code, attempt);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict($"Subject {command.SubjectNumber} was changed by someone else at the same time; please reload and try again.");
            }
        }
    }

    private async Task<Result<EnrolledSubject>> AttemptAsync(
        Guid subjectId, SiteSummary site, TrialSummary trial, ProtocolVersionSummary? version, IReadOnlyList<Error> standing,
        EnrollmentCounting counting, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        db.ChangeTracker.Clear();
        var subject = await db.Subjects.SingleAsync(s => s.Id == subjectId, cancellationToken);
        var (siteEnrolled, trialEnrolled) = await counting.ReadAsync(cancellationToken);
        var consentApproved = subject.ConsentVersionId is { } consentId &&
                              await irb.ConsentApprovedAsync(site.InstitutionId, trial.Id, consentId, today, cancellationToken);
        // Refuse early, with every reason at once; the increments below enforce the caps again, atomically.
        var refusals = EnrollmentRules.Check(site, trial, siteEnrolled ?? 0, trialEnrolled ?? 0)
            .Concat(standing)
            .Concat(EnrollmentRules.SubjectReady(subject, consentApproved))
            .ToList();
        if (refusals.Count > 0)
        {
            return Result<EnrolledSubject>.FromErrors(refusals);
        }

        await counting.EnsureCountersAsync(siteEnrolled is null, trialEnrolled is null, cancellationToken);

        var now = clock.GetUtcNow();
        var oldStatus = subject.Status;
        if (subject.Enroll(version!.Id, now, today, loader.Actor) is { } refused)
        {
            return refused;
        }

        var visits = await planner.PlanAsync(subject, version.Id, today, cancellationToken);
        db.Visits.AddRange(visits);
        db.AddIntegrationEvent(new SubjectEnrolled(subject.Id, trial.Id, site.Id, subject.SubjectNumber, now), now);
        db.StatusChanged(subject, oldStatus, now);
        db.ScheduleUpdated(subject, version.Id, visits, now);

        // Everything is prepared before the transaction, so the counter rows stay locked for a few statements only.
        // SaveChanges first: its audit chain head is the lock every Subjects writer takes first (screening too, before
        // it numbers from the site counter), so the counters come second for everyone and no two writers deadlock.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (reason.Use("Enrolled"))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        var capReached = await counting.CountAsync(cancellationToken);
        if (capReached.Count > 0)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            return Result<EnrolledSubject>.FromErrors(capReached);
        }

        await transaction.CommitAsync(cancellationToken);
        return new EnrolledSubject(subject.Id, subject.SubjectNumber);
    }
}
