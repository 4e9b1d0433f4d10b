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

namespace Ctms.Sites.Features.CreateSite;

/// <summary>The sponsor adds a site to a trial: it starts pending, with the "selected" milestone reached today.</summary>
internal sealed record CreateSiteCommand(Guid TrialId, Guid InstitutionId, string Code, string PrincipalInvestigator, int TargetEnrollment) : ICommand<Guid>;

internal sealed class CreateSiteValidator : AbstractValidator<CreateSiteCommand>
{
    public CreateSiteValidator()
    {
        RuleFor(c => c.InstitutionId).NotEmpty().WithMessage("Choose the institution.");
        RuleFor(c => c.Code).NotEmpty().WithMessage("Enter a site code.")
            .Matches("^[A-Z0-9]{1,10}$").WithMessage("A site code is 1 to 10 capital letters or digits (it prefixes subject numbers, e.g. SEL01).");
        RuleFor(c => c.PrincipalInvestigator).NotEmpty().WithMessage("Name the principal investigator.").MaximumLength(200);
        RuleFor(c => c.TargetEnrollment).GreaterThan(0).WithMessage("The site's target enrollment must be at least 1.");
    }
}

internal sealed class CreateSiteHandler(SitesDbContext db, ITrialsQueries trials, ICurrentUser user, TimeProvider clock) : ICommandHandler<CreateSiteCommand, Guid>
{
    public async Task<Result<Guid>> HandleAsync(CreateSiteCommand command, CancellationToken cancellationToken = default)
    {
        var trial = await SiteAccess.SponsorTrialAsync(user, trials, command.TrialId, cancellationToken);
        if (trial.IsFailure)
        {
            return Result<Guid>.FromErrors(trial.Errors);
        }

        if (!await db.Institutions.AnyAsync(i => i.Id == command.InstitutionId, cancellationToken))
        {
            return Error.Validation(nameof(command.InstitutionId), "That institution is not known.");
        }

        var code = command.Code.Trim();
        if (await db.Sites.AnyAsync(s => s.TrialId == command.TrialId && s.Code == code, cancellationToken))
        {
            return Error.Validation(nameof(command.Code), $"The trial already has a site {code}; codes are unique per trial.");
        }

        var now = clock.GetUtcNow();
        var site = new Site(Guid.NewGuid(), command.TrialId, command.InstitutionId, code, command.PrincipalInvestigator.Trim(), command.TargetEnrollment);
        var selected = site.Milestone(MilestoneKind.Selected);
        selected.Record(null, clock.Today());
        db.Sites.Add(site);
        db.AddIntegrationEvent(new SiteMilestoneReached(site.Id, site.TrialId, MilestoneKind.Selected, clock.Today(), now), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Validation(nameof(command.Code), $"The trial already has a site {code}; codes are unique per trial.");
        }

        return site.Id;
    }
}
