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

namespace Ctms.Trials.Features.RegisterTrial;

internal sealed record RegisterTrialCommand(TrialDetailsInput Details) : ICommand<RegisteredTrial>;

internal sealed record RegisteredTrial(Guid TrialId, Guid ProtocolVersionId);

internal sealed class RegisterTrialValidator : AbstractValidator<RegisterTrialCommand>
{
    public RegisterTrialValidator() => RuleFor(c => c.Details).SetValidator(new TrialDetailsValidator());
}

/// <summary>Registers a trial in the sponsor's tenant (status in-review) with protocol version 1.0 as a draft.</summary>
internal sealed class RegisterTrialHandler(TrialsDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<RegisterTrialCommand, RegisteredTrial>
{
    public async Task<Result<RegisteredTrial>> HandleAsync(RegisterTrialCommand command, CancellationToken cancellationToken = default)
    {
        if (SponsorAccess.Check(user) is { } denied)
        {
            return denied;
        }

        var d = command.Details;
        var number = d.ProtocolNumber.Trim();
        if (await db.Trials.AnyAsync(t => t.TenantId == user.TenantId && t.ProtocolNumber == number, cancellationToken))
        {
            return Error.Validation("Details.ProtocolNumber", $"Your organisation already has a trial with protocol number {number}.");
        }

        var now = clock.GetUtcNow();
        var trial = new Trial(Guid.NewGuid(), user.TenantId!, number, d.Title.Trim(), d.Phase, d.TargetEnrollment, now);
        trial.Describe(number, d.RegistryId, d.Title.Trim(), d.Phase, d.TherapeuticArea.Trim(), d.TargetEnrollment, d.DayCountingConvention,
            d.SaeReportingHours, d.AllowOverEnrollment, d.Arms.Select(a => (a.Name.Trim(), a.Type, a.AllocationRatio)));
        var version = new ProtocolVersion(Guid.NewGuid(), trial.Id, 1, now);
        db.Trials.Add(trial);
        db.ProtocolVersions.Add(version);
        db.AddIntegrationEvent(new TrialRegistered(trial.Id, trial.TenantId, trial.ProtocolNumber, trial.Title, trial.TargetEnrollment, now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Validation("Details.ProtocolNumber", $"Your organisation already has a trial with protocol number {number}.");
        }

        return new RegisteredTrial(trial.Id, version.Id);
    }
}
