using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Time;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.Withdrawal;

internal sealed record WithdrawSubjectCommand(Guid SiteId, string SubjectNumber, string Reason, DateOnly WithdrawnOn) : ICommand<WithdrawnSubject>;

internal sealed record WithdrawnSubject(Guid SubjectId, string SubjectNumber);

internal sealed class WithdrawSubjectValidator : AbstractValidator<WithdrawSubjectCommand>
{
    public WithdrawSubjectValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Give the reason for withdrawal.").MaximumLength(1000).WithMessage("The reason is at most 1000 characters.");
        RuleFor(c => c.WithdrawnOn).NotEqual(default(DateOnly)).WithMessage("Enter the withdrawal date.");
    }
}

/// <summary>Withdraws a subject from any active state with a reason; the visits still planned become not-applicable.</summary>
internal sealed class WithdrawSubjectHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    IAuditReason reason,
    TimeProvider clock) : ICommandHandler<WithdrawSubjectCommand, WithdrawnSubject>
{
    public async Task<Result<WithdrawnSubject>> HandleAsync(WithdrawSubjectCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<WithdrawnSubject>.FromErrors(loaded.Errors);
        }

        var (site, trial, subject) = loaded.Value;
        if (command.WithdrawnOn > clock.Today())
        {
            return Error.Validation("withdrawnOn", "The withdrawal date cannot be in the future.");
        }

        var oldStatus = subject.Status;
        if (subject.Withdraw(command.Reason.Trim(), command.WithdrawnOn) is { } refused)
        {
            return refused;
        }

        foreach (var visit in await db.Visits.Where(v => v.SubjectId == subject.Id).ToListAsync(cancellationToken))
        {
            visit.Cancel();
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new SubjectWithdrawn(subject.Id, trial.Id, site.Id, subject.SubjectNumber, subject.WithdrawalReason!, command.WithdrawnOn, now), now);
        db.StatusChanged(subject, oldStatus, now);
        using (reason.Use($"Withdrawn: {subject.WithdrawalReason}"))
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

        return new WithdrawnSubject(subject.Id, subject.SubjectNumber);
    }
}
