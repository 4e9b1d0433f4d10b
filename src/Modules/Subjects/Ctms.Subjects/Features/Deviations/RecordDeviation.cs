using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Time;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using FluentValidation;

namespace Ctms.Subjects.Features.Deviations;

/// <param name="SubjectNumber">The subject concerned, or null for a site-level deviation.</param>
internal sealed record RecordDeviationCommand(
    Guid SiteId,
    string? SubjectNumber,
    string Category,
    string Severity,
    string Description,
    DateOnly OccurredOn,
    DateOnly IdentifiedOn) : ICommand<RecordedDeviation>;

internal sealed record RecordedDeviation(Guid DeviationId, Guid? SubjectId);

internal sealed class RecordDeviationValidator : AbstractValidator<RecordDeviationCommand>
{
    public RecordDeviationValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.Category).Must(s => Vocabulary.DeviationCategories.Contains(s))
            .WithMessage($"Category must be one of {string.Join(", ", Vocabulary.DeviationCategories)}.");
        RuleFor(c => c.Severity).Must(s => Vocabulary.DeviationSeverities.Contains(s)).WithMessage("Severity must be minor or major.");
        RuleFor(c => c.Description).NotEmpty().WithMessage("Describe the deviation.").MaximumLength(2000).WithMessage("The description is at most 2000 characters.");
        RuleFor(c => c.OccurredOn).NotEqual(default(DateOnly)).WithMessage("Enter the date it occurred.");
        RuleFor(c => c.IdentifiedOn).NotEqual(default(DateOnly)).WithMessage("Enter the date it was identified.")
            .GreaterThanOrEqualTo(c => c.OccurredOn).WithMessage("It cannot have been identified before it occurred.");
    }
}

/// <summary>Records a protocol deviation by hand (rule-raised ones come from the visit handler).</summary>
internal sealed class RecordDeviationHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    TimeProvider clock) : ICommandHandler<RecordDeviationCommand, RecordedDeviation>
{
    public async Task<Result<RecordedDeviation>> HandleAsync(RecordDeviationCommand command, CancellationToken cancellationToken = default)
    {
        Subject? subject = null;
        Ctms.Sites.Contracts.SiteSummary site;
        Ctms.Trials.Contracts.TrialSummary trial;
        if (string.IsNullOrWhiteSpace(command.SubjectNumber))
        {
            var found = await loader.SiteAsync(command.SiteId, cancellationToken);
            if (found.IsFailure)
            {
                return Result<RecordedDeviation>.FromErrors(found.Errors);
            }

            (site, trial) = found.Value;
        }
        else
        {
            var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
            if (loaded.IsFailure)
            {
                return Result<RecordedDeviation>.FromErrors(loaded.Errors);
            }

            (site, trial, subject) = loaded.Value;
        }

        if (command.IdentifiedOn > clock.Today())
        {
            return Error.Validation("identifiedOn", "The identification date cannot be in the future.");
        }

        var now = clock.GetUtcNow();
        var deviation = new Deviation(subject?.Id, trial.Id, site.Id, subject?.SubjectNumber, command.Category, command.Severity, command.Description.Trim(),
            command.OccurredOn, command.IdentifiedOn, DeviationSource.Manual, null, now, loader.Actor);
        db.Deviations.Add(deviation);
        if (subject is not null)
        {
            // The event names a subject; a site-level deviation stays in the module (no subject to carry).
            db.AddIntegrationEvent(new DeviationRecorded(deviation.Id, subject.Id, trial.Id, site.Id, subject.SubjectNumber, deviation.Category,
                deviation.Severity, deviation.Description, deviation.OccurredOn, deviation.IdentifiedOn, deviation.Source, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RecordedDeviation(deviation.Id, subject?.Id);
    }
}
