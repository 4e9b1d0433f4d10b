using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Features.Access;
using Ctms.Trials.Features.RegisterTrial;
using Ctms.Trials.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.EditTrial;

internal sealed record EditTrialCommand(Guid TrialId, TrialDetailsInput Details) : ICommand<Guid>
{
    /// <summary>Set by the API from If-Match: the edit applies only to this version of the trial (else precondition-failed).</summary>
    public int? ExpectedVersion { get; init; }
}

internal sealed class EditTrialValidator : AbstractValidator<EditTrialCommand>
{
    public EditTrialValidator() => RuleFor(c => c.Details).SetValidator(new TrialDetailsValidator());
}

internal sealed class EditTrialHandler(TrialsDbContext db, ICurrentUser user) : ICommandHandler<EditTrialCommand, Guid>
{
    public async Task<Result<Guid>> HandleAsync(EditTrialCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadTrialAsync(db, user, command.TrialId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var trial = loaded.Value;
        if (command.ExpectedVersion is { } expected && expected != trial.Version)
        {
            return new Error("precondition-failed", $"The trial is at version {trial.Version}, not {expected}: someone changed it since you read it.");
        }

        var d = command.Details;
        var number = d.ProtocolNumber.Trim();
        if (await db.Trials.AnyAsync(t => t.TenantId == trial.TenantId && t.ProtocolNumber == number && t.Id != trial.Id, cancellationToken))
        {
            return Error.Validation("Details.ProtocolNumber", $"Your organisation already has a trial with protocol number {number}.");
        }

        trial.Describe(number, d.RegistryId, d.Title.Trim(), d.Phase, d.TherapeuticArea.Trim(), d.TargetEnrollment, d.DayCountingConvention,
            d.SaeReportingHours, d.AllowOverEnrollment, d.Arms.Select(a => (a.Name.Trim(), a.Type, a.AllocationRatio)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else changed this trial meanwhile; reload it and apply your change again.");
        }

        return trial.Id;
    }
}
