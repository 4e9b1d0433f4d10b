using Ctms.Irb.Contracts;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts.IntegrationEvents;
using Ctms.Sites.Domain;
using Ctms.Sites.Features.Access;
using Ctms.Sites.Persistence;
using Ctms.Trials.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.SiteActions;

/// <summary>On hold, closed to accrual, closed (activation is <see cref="ActivateSiteCommand"/>).</summary>
internal sealed record ChangeSiteStatusCommand(Guid SiteId, string NewStatus) : ICommand<string>;

/// <summary>Activates a pending or on-hold site once every activation condition holds.</summary>
internal sealed record ActivateSiteCommand(Guid SiteId) : ICommand<string>;

internal sealed record RecordMilestoneCommand(Guid SiteId, string Kind, DateOnly? PlannedDate, DateOnly? ActualDate) : ICommand<Guid>;

internal sealed class ChangeSiteStatusValidator : AbstractValidator<ChangeSiteStatusCommand>
{
    public ChangeSiteStatusValidator() =>
        RuleFor(c => c.NewStatus).Must(s => SiteStatus.All.Contains(s) && s != SiteStatus.Active)
            .WithMessage("Choose on-hold, closed-to-accrual or closed; activation has its own checks.");
}

internal sealed class RecordMilestoneValidator : AbstractValidator<RecordMilestoneCommand>
{
    public RecordMilestoneValidator()
    {
        RuleFor(c => c.Kind).Must(k => MilestoneKind.All.Contains(k) && k != MilestoneKind.Activated)
            .WithMessage("Choose a milestone; 'activated' is recorded by activating the site.");
    }
}

internal sealed class SiteActionHandlers(
    SitesDbContext db,
    ITrialsQueries trials,
    IIrbQueries irb,
    ICurrentUser user,
    TimeProvider clock) :
    ICommandHandler<ChangeSiteStatusCommand, string>,
    ICommandHandler<ActivateSiteCommand, string>,
    ICommandHandler<RecordMilestoneCommand, Guid>
{
    public async Task<Result<string>> HandleAsync(ChangeSiteStatusCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, command.SiteId, staffToo: false, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<string>.FromErrors(loaded.Errors);
        }

        var site = loaded.Value.Site;
        var old = site.Status;
        if (site.ChangeStatus(command.NewStatus) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new SiteStatusChanged(site.Id, site.TrialId, site.Code, old, site.Status, now), now);
        return await SaveAsync(site.Status, cancellationToken);
    }

    public async Task<Result<string>> HandleAsync(ActivateSiteCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, command.SiteId, staffToo: false, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<string>.FromErrors(loaded.Errors);
        }

        var (site, trial) = loaded.Value;
        if (!SiteStatus.CanMove(site.Status, SiteStatus.Active))
        {
            return Error.Rule("illegal-status-transition", $"Site {site.Code} is '{site.Status}' and cannot be activated.");
        }

        var missing = await ActivationChecks.MissingAsync(db, trials, irb, site, trial, clock.Today(), cancellationToken);
        if (missing.Count > 0)
        {
            return Result<string>.FromErrors(missing);
        }

        var now = clock.GetUtcNow();
        var old = site.Status;
        var activatedBefore = site.Milestone(MilestoneKind.Activated).ActualDate is not null;
        site.Activate(now);
        db.AddIntegrationEvent(new SiteStatusChanged(site.Id, site.TrialId, site.Code, old, site.Status, now), now);
        if (!activatedBefore)
        {
            db.AddIntegrationEvent(new SiteMilestoneReached(site.Id, site.TrialId, MilestoneKind.Activated, clock.Today(), now), now);
            db.AddIntegrationEvent(new SiteActivated(site.Id, site.TrialId, site.InstitutionId, site.Code, site.TargetEnrollment, now), now);
        }

        return await SaveAsync(site.Status, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(RecordMilestoneCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, command.SiteId, staffToo: false, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var site = loaded.Value.Site;
        if (command.ActualDate is { } actual && actual > clock.Today())
        {
            return Error.Validation(nameof(command.ActualDate), "An actual date cannot be in the future; use the planned date.");
        }

        var milestone = site.Milestone(command.Kind);
        var newlyReached = milestone.ActualDate is null && command.ActualDate is not null;
        milestone.Record(command.PlannedDate, command.ActualDate);
        site.Touch();
        if (newlyReached)
        {
            var now = clock.GetUtcNow();
            db.AddIntegrationEvent(new SiteMilestoneReached(site.Id, site.TrialId, milestone.Kind, command.ActualDate!.Value, now), now);
        }

        var saved = await SaveAsync(milestone.Kind, cancellationToken);
        return saved.IsSuccess ? milestone.Id : Result<Guid>.FromErrors(saved.Errors);
    }

    private async Task<Result<string>> SaveAsync(string value, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return value;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else changed this site meanwhile; reload it and try again.");
        }
    }
}

/// <summary>Everything that must hold before a site is activated; each missing thing is named.</summary>
internal static class ActivationChecks
{
    public static async Task<IReadOnlyList<Error>> MissingAsync(SitesDbContext db, ITrialsQueries trials, IIrbQueries irb, Site site, TrialSummary trial,
        DateOnly today, CancellationToken cancellationToken)
    {
        var errors = new List<Error>();
        var institution = await db.Institutions.AsNoTracking().SingleAsync(i => i.Id == site.InstitutionId, cancellationToken);

        var protocol = await trials.GetCurrentProtocolVersionAsync(trial.Id, cancellationToken);
        if (protocol is null)
        {
            errors.Add(Error.Rule("no-submitted-protocol",
                $"Trial {trial.ProtocolNumber} has no submitted protocol version, so no IRB can have approved it."));
        }
        else
        {
            var approval = await irb.ApprovalInForceAsync(site.InstitutionId, trial.Id, protocol.Id, today, cancellationToken);
            if (!approval.InForce)
            {
                errors.Add(Error.Rule("no-irb-approval",
                    $"No IRB approval (own or recognised) is in force for protocol version {protocol.Version} at {institution.Name}: {approval.Reason}"));
            }
        }

        var entries = await db.Delegations.AsNoTracking().Where(d => d.SiteId == site.Id).ToListAsync(cancellationToken);
        var current = entries.Where(e => e.CoversOn(today) || e.StartDate > today).ToList();
        if (current.Count == 0)
        {
            errors.Add(Error.Rule("delegation-log-empty", $"The delegation log of site {site.Code} has no current entries for the PI to sign."));
        }
        else
        {
            var unsigned = current.Where(e => !e.IsSigned).ToList();
            if (unsigned.Count > 0)
            {
                var staff = await db.Staff.AsNoTracking().Where(s => s.SiteId == site.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
                errors.Add(Error.Rule("delegation-log-unsigned",
                    $"The delegation log of site {site.Code} is not signed by the PI for: " +
                    $"{string.Join(", ", unsigned.Select(e => staff.TryGetValue(e.StaffMemberId, out var s) ? s.DisplayName : e.StaffUserId))}."));
            }
        }

        return errors;
    }
}
