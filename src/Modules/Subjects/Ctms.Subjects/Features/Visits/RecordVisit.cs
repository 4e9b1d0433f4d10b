using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Time;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.Visits;

internal sealed record RecordVisitCommand(Guid SiteId, string SubjectNumber, string VisitName, DateOnly OccurredOn, string? OutOfWindowReason)
    : ICommand<RecordedVisit>;

/// <param name="DeviationId">The protocol deviation raised because the visit was out of window, if it was.</param>
internal sealed record RecordedVisit(Guid VisitId, Guid SubjectId, string SubjectNumber, bool WithinWindow, Guid? DeviationId, bool Completed);

internal sealed class RecordVisitValidator : AbstractValidator<RecordVisitCommand>
{
    public RecordVisitValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.VisitName).NotEmpty().WithMessage("Choose the visit.");
        RuleFor(c => c.OccurredOn).NotEqual(default(DateOnly)).WithMessage("Enter the visit date.");
        RuleFor(c => c.OutOfWindowReason).MaximumLength(1000).WithMessage("The reason is at most 1000 characters.");
    }
}

/// <summary>
/// Records that a planned visit occurred. Outside its window only with a reason, and then a visit-window protocol
/// deviation is raised in the same transaction. The baseline visit's actual date becomes the anchor; any actual date
/// recomputes the still-planned visits (VisitScheduleUpdated). The last visit resolved completes the subject.
/// </summary>
internal sealed class RecordVisitHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    VisitPlanner planner,
    IAuditReason reason,
    TimeProvider clock) : ICommandHandler<RecordVisitCommand, RecordedVisit>
{
    public async Task<Result<RecordedVisit>> HandleAsync(RecordVisitCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<RecordedVisit>.FromErrors(loaded.Errors);
        }

        var (site, trial, subject) = loaded.Value;
        var visits = await db.Visits.Where(v => v.SubjectId == subject.Id).OrderBy(v => v.Order).ToListAsync(cancellationToken);
        var visit = visits.FirstOrDefault(v => string.Equals(v.Name, command.VisitName.Trim(), StringComparison.OrdinalIgnoreCase));
        var errors = VisitRules.CanWork(subject, visit, command.VisitName);
        if (command.OccurredOn > clock.Today())
        {
            errors.Add(Error.Validation("occurredOn", "The visit date cannot be in the future."));
        }

        if (subject.ConsentedOn is { } consented && command.OccurredOn < consented)
        {
            errors.Add(Error.Validation("occurredOn", $"The visit cannot be before the consent date {consented:yyyy-MM-dd}."));
        }

        if (errors.Count > 0)
        {
            return Result<RecordedVisit>.FromErrors(errors);
        }

        if (visit!.Record(command.OccurredOn, command.OutOfWindowReason) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new VisitOccurred(visit.Id, subject.Id, trial.Id, site.Id, subject.SubjectNumber, visit.Name, command.OccurredOn, visit.Planned,
            !visit.OutOfWindow, visit.Reason, now), now);

        Guid? deviationId = null;
        if (visit.OutOfWindow)
        {
            var deviation = new Deviation(subject.Id, trial.Id, site.Id, subject.SubjectNumber, "visit-window", "minor",
                $"{visit.Name} done on {command.OccurredOn:yyyy-MM-dd}, outside its window {visit.Earliest:yyyy-MM-dd} to {visit.Latest:yyyy-MM-dd}: {visit.Reason}",
                command.OccurredOn, clock.Today(), DeviationSource.Rule, visit.Id, now, loader.Actor);
            db.Deviations.Add(deviation);
            deviationId = deviation.Id;
            db.AddIntegrationEvent(new DeviationRecorded(deviation.Id, subject.Id, trial.Id, site.Id, subject.SubjectNumber, deviation.Category, deviation.Severity,
                deviation.Description, deviation.OccurredOn, deviation.IdentifiedOn, deviation.Source, now), now);
        }

        if (VisitPlanner.IsBaseline(visit, subject.AnchorDate) && command.OccurredOn != subject.AnchorDate)
        {
            subject.MoveAnchor(command.OccurredOn);
        }

        if (subject.ProtocolVersionId is { } versionId && await planner.ReplanAsync(subject, versionId, visits, cancellationToken))
        {
            db.ScheduleUpdated(subject, versionId, visits, now);
        }

        var completed = VisitRules.CompleteIfDone(db, subject, visits, command.OccurredOn, now);
        using (reason.Use(visit.OutOfWindow ? $"Visit {visit.Name} out of window: {visit.Reason}" : $"Visit {visit.Name} occurred"))
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Error.Conflict($"Subject {subject.SubjectNumber} changed meanwhile; reload and try again.");
            }
        }

        return new RecordedVisit(visit.Id, subject.Id, subject.SubjectNumber, !visit.OutOfWindow, deviationId, completed);
    }
}
