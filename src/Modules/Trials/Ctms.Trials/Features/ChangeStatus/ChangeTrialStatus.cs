using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Contracts.IntegrationEvents;
using Ctms.Trials.Domain;
using Ctms.Trials.Features.Access;
using Ctms.Trials.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.ChangeStatus;

internal sealed record ChangeTrialStatusCommand(Guid TrialId, string NewStatus) : ICommand<string>;

internal sealed class ChangeTrialStatusValidator : AbstractValidator<ChangeTrialStatusCommand>
{
    public ChangeTrialStatusValidator() =>
        RuleFor(c => c.NewStatus).Must(s => TrialStatus.All.Contains(s)).WithMessage("That is not a FHIR ResearchStudy status.");
}

internal sealed class ChangeTrialStatusHandler(TrialsDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeTrialStatusCommand, string>
{
    public async Task<Result<string>> HandleAsync(ChangeTrialStatusCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadTrialAsync(db, user, command.TrialId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<string>.FromErrors(loaded.Errors);
        }

        var trial = loaded.Value;
        var old = trial.Status;
        if (trial.ChangeStatus(command.NewStatus) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new TrialStatusChanged(trial.Id, old, trial.Status, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else changed this trial meanwhile; reload it and try again.");
        }

        return trial.Status;
    }
}
