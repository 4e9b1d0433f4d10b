using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.Visits;

internal sealed record MarkVisitMissedCommand(Guid SiteId, string SubjectNumber, string VisitName, string Reason) : ICommand<MissedVisit>;

internal sealed record MissedVisit(Guid VisitId, Guid SubjectId, string SubjectNumber, bool Completed);

internal sealed class MarkVisitMissedValidator : AbstractValidator<MarkVisitMissedCommand>
{
    public MarkVisitMissedValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.VisitName).NotEmpty().WithMessage("Choose the visit.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason the visit was missed.")
            .MaximumLength(1000).WithMessage("The reason is at most 1000 characters.");
    }
}

/// <summary>Confirms a planned visit as missed (an overdue visit stays overdue until someone does). The last visit resolved completes the subject.</summary>
internal sealed class MarkVisitMissedHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    IAuditReason reason,
    TimeProvider clock) : ICommandHandler<MarkVisitMissedCommand, MissedVisit>
{
    public async Task<Result<MissedVisit>> HandleAsync(MarkVisitMissedCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<MissedVisit>.FromErrors(loaded.Errors);
        }

        var (site, trial, subject) = loaded.Value;
        var visits = await db.Visits.Where(v => v.SubjectId == subject.Id).OrderBy(v => v.Order).ToListAsync(cancellationToken);
        var visit = visits.FirstOrDefault(v => string.Equals(v.Name, command.VisitName.Trim(), StringComparison.OrdinalIgnoreCase));
        var errors = VisitRules.CanWork(subject, visit, command.VisitName, reconsentBlocks: false);
        if (errors.Count > 0)
        {
            return Result<MissedVisit>.FromErrors(errors);
        }

        if (visit!.MarkMissed(command.Reason) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new VisitMissed(visit.Id, subject.Id, trial.Id, site.Id, subject.SubjectNumber, visit.Name, visit.Planned, visit.Reason!, now), now);
        var completed = VisitRules.CompleteIfDone(db, subject, visits, DateOnly.FromDateTime(now.UtcDateTime), now);
        using (reason.Use($"Visit {visit.Name} missed: {visit.Reason}"))
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

        return new MissedVisit(visit.Id, subject.Id, subject.SubjectNumber, completed);
    }
}
