using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using FluentValidation;

namespace Ctms.Subjects.Features.Safety;

/// <param name="AwareAt">When the site became aware, with the site's UTC offset.</param>
/// <param name="SeriousnessCriteria">Empty for a non-serious AE; any criterion makes it an SAE.</param>
internal sealed record RecordAdverseEventCommand(
    Guid SiteId,
    string SubjectNumber,
    string Term,
    DateOnly OnsetOn,
    string Severity,
    string Causality,
    IReadOnlyList<string> SeriousnessCriteria,
    DateTimeOffset AwareAt) : ICommand<RecordedAdverseEvent>;

/// <param name="DueAt">For an SAE: awareness + the trial's reporting hours.</param>
internal sealed record RecordedAdverseEvent(Guid AdverseEventId, Guid SubjectId, string SubjectNumber, bool Serious, DateTimeOffset? DueAt, bool Late);

internal sealed class RecordAdverseEventValidator : AbstractValidator<RecordAdverseEventCommand>
{
    public RecordAdverseEventValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.Term).NotEmpty().WithMessage("Enter the adverse event term.").MaximumLength(300).WithMessage("The term is at most 300 characters.");
        RuleFor(c => c.OnsetOn).NotEqual(default(DateOnly)).WithMessage("Enter the onset date.");
        RuleFor(c => c.Severity).Must(s => Vocabulary.Severities.Contains(s))
            .WithMessage($"Severity must be one of {string.Join(", ", Vocabulary.Severities)}.");
        RuleFor(c => c.Causality).Must(s => Vocabulary.Causalities.Contains(s))
            .WithMessage($"Causality must be one of {string.Join(", ", Vocabulary.Causalities)}.");
        RuleFor(c => c.SeriousnessCriteria).NotNull().WithMessage("Give the seriousness criteria (none for a non-serious event).");
        RuleForEach(c => c.SeriousnessCriteria).Must(s => Vocabulary.SeriousnessCriteria.Contains(s))
            .WithMessage($"Seriousness criteria are {string.Join(", ", Vocabulary.SeriousnessCriteria)}.");
        RuleFor(c => c.AwareAt).NotEqual(default(DateTimeOffset)).WithMessage("Enter when the site became aware.");
        RuleFor(c => c.AwareAt).Must((c, aware) => DateOnly.FromDateTime(aware.DateTime) >= c.OnsetOn)
            .WithMessage("The site cannot have become aware before the onset.");
    }
}

/// <summary>
/// Records an adverse event. Recording a serious one here is its report to the sponsor: the deadline is the awareness
/// time plus the trial's SAE reporting hours, and a report after it is flagged late.
/// </summary>
internal sealed class RecordAdverseEventHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    TimeProvider clock) : ICommandHandler<RecordAdverseEventCommand, RecordedAdverseEvent>
{
    public async Task<Result<RecordedAdverseEvent>> HandleAsync(RecordAdverseEventCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<RecordedAdverseEvent>.FromErrors(loaded.Errors);
        }

        var (site, trial, subject) = loaded.Value;
        var now = clock.GetUtcNow();
        if (command.AwareAt > now)
        {
            return Error.Validation("awareAt", "The awareness time cannot be in the future.");
        }

        if (subject.ConsentedOn is null)
        {
            return Error.Rule("consent-missing", $"Subject {subject.SubjectNumber} has not consented: adverse events are collected from consent on.");
        }

        var ae = new AdverseEvent(subject.Id, trial.Id, site.Id, subject.SubjectNumber, command.Term.Trim(), command.OnsetOn, command.Severity, command.Causality,
            command.SeriousnessCriteria.Distinct().ToList(), command.AwareAt, now, trial.SaeReportingHours, loader.Actor);
        db.AdverseEvents.Add(ae);
        db.AddIntegrationEvent(new AdverseEventRecorded(ae.Id, subject.Id, trial.Id, site.Id, subject.SubjectNumber, ae.Term, ae.OnsetOn, ae.Serious, ae.Severity,
            ae.Causality, now), now);
        if (ae.Serious)
        {
            db.AddIntegrationEvent(new SeriousAdverseEventReported(ae.Id, subject.Id, trial.Id, site.Id, subject.SubjectNumber, ae.Term, ae.SeriousnessCriteria,
                ae.AwareAt, ae.DueAt!.Value, ae.ReportedAt, ae.Late, now), now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RecordedAdverseEvent(ae.Id, subject.Id, subject.SubjectNumber, ae.Serious, ae.DueAt, ae.Late);
    }
}
