using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain.Rules;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.Eligibility;

/// <param name="Answers">Criterion text → true when an inclusion is met / an exclusion applies.</param>
internal sealed record AssessEligibilityCommand(Guid SiteId, string SubjectNumber, IReadOnlyDictionary<string, bool> Answers, DateOnly AssessedOn)
    : ICommand<EligibilityAssessment>;

internal sealed record EligibilityAssessment(Guid SubjectId, string SubjectNumber, bool Eligible, IReadOnlyList<string> Reasons);

internal sealed class AssessEligibilityValidator : AbstractValidator<AssessEligibilityCommand>
{
    public AssessEligibilityValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.Answers).NotNull().WithMessage("Answer every criterion.");
        RuleFor(c => c.AssessedOn).NotEqual(default(DateOnly)).WithMessage("Enter the assessment date.");
    }
}

/// <summary>
/// Assesses the subject against the current protocol version's checklist. Ineligible is a screen failure (terminal)
/// with the reasons; eligibility needs consent first (a study procedure) and a user delegated eligibility-assessment.
/// </summary>
internal sealed class AssessEligibilityHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    ISitesQueries sites,
    ITrialsQueries trials,
    ICurrentUser user,
    IAuditReason reason,
    TimeProvider clock) : ICommandHandler<AssessEligibilityCommand, EligibilityAssessment>
{
    public async Task<Result<EligibilityAssessment>> HandleAsync(AssessEligibilityCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<EligibilityAssessment>.FromErrors(loaded.Errors);
        }

        var (site, trial, subject) = loaded.Value;
        if (command.AssessedOn > clock.Today())
        {
            return Error.Validation("assessedOn", "The assessment date cannot be in the future.");
        }

        var version = await trials.GetCurrentProtocolVersionAsync(trial.Id, cancellationToken);
        var criteria = version is null ? null : await trials.GetCriteriaAsync(version.Id, cancellationToken);
        if (version is null || criteria is null)
        {
            return Error.Rule("no-protocol-version", $"Trial {trial.ProtocolNumber} has no submitted protocol version with eligibility criteria.");
        }

        var outcome = EligibilityRules.Evaluate(criteria.Inclusion, criteria.Exclusion, command.Answers);
        if (outcome.IsFailure)
        {
            return Result<EligibilityAssessment>.FromErrors(outcome.Errors);
        }

        if (await DelegationCheck.CheckAsync(sites, user, site, DelegationCheck.EligibilityAssessment, command.AssessedOn, cancellationToken) is { } notDelegated)
        {
            return notDelegated;
        }

        var oldStatus = subject.Status;
        var (eligible, reasons) = outcome.Value;
        if (subject.AssessEligibility(version.Id, eligible, reasons, command.AssessedOn) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.AddIntegrationEvent(new EligibilityAssessed(subject.Id, trial.Id, site.Id, subject.SubjectNumber, version.Id, eligible, reasons,
            command.AssessedOn, now), now);
        db.StatusChanged(subject, oldStatus, now);
        using (reason.Use(eligible ? "Eligibility confirmed" : "Screen failure: " + string.Join("; ", reasons)))
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

        return new EligibilityAssessment(subject.Id, subject.SubjectNumber, eligible, reasons);
    }
}
