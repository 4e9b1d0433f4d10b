using Ctms.Shared.Documents;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Trials.Contracts.IntegrationEvents;
using Ctms.Trials.Domain;
using Ctms.Trials.Domain.Schedule;
using Ctms.Trials.Features.Access;
using Ctms.Trials.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Trials.Features.ProtocolVersions;

internal sealed record SaveScheduleCommand(Guid ProtocolVersionId, IReadOnlyList<string> Procedures, IReadOnlyList<VisitSpec> Visits) : ICommand<Guid>;

internal sealed record SaveCriteriaCommand(Guid ProtocolVersionId, IReadOnlyList<string> Inclusion, IReadOnlyList<string> Exclusion) : ICommand<Guid>;

/// <param name="FileContent">The consent form's file, when one is attached (read once).</param>
internal sealed record AddConsentVersionCommand(Guid ProtocolVersionId, string DocumentName, string Version, string Language, string? FileName, Stream? FileContent)
    : ICommand<Guid>;

internal sealed record RemoveConsentVersionCommand(Guid ProtocolVersionId, Guid ConsentVersionId) : ICommand<Guid>;

internal sealed record SubmitProtocolVersionCommand(Guid ProtocolVersionId) : ICommand<Guid>;

/// <summary>Creates the next protocol version as an editable copy of the latest submitted one.</summary>
internal sealed record AmendProtocolCommand(Guid TrialId) : ICommand<Guid>;

internal sealed class AddConsentVersionValidator : AbstractValidator<AddConsentVersionCommand>
{
    public AddConsentVersionValidator()
    {
        RuleFor(c => c.DocumentName).NotEmpty().WithMessage("Name the consent document.").MaximumLength(200);
        RuleFor(c => c.Version).NotEmpty().WithMessage("Enter the consent document's version.").MaximumLength(20);
        RuleFor(c => c.Language).NotEmpty().WithMessage("Enter the language (e.g. en, ko).").MaximumLength(20)
            .Matches("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$").WithMessage("Use a language tag such as en, ko or en-US.");
    }
}

internal sealed class ProtocolVersionHandlers(TrialsDbContext db, ICurrentUser user, TimeProvider clock, IDocumentStore documents) :
    ICommandHandler<SaveScheduleCommand, Guid>,
    ICommandHandler<SaveCriteriaCommand, Guid>,
    ICommandHandler<AddConsentVersionCommand, Guid>,
    ICommandHandler<RemoveConsentVersionCommand, Guid>,
    ICommandHandler<SubmitProtocolVersionCommand, Guid>,
    ICommandHandler<AmendProtocolCommand, Guid>
{
    public async Task<Result<Guid>> HandleAsync(SaveScheduleCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadVersionAsync(db, user, command.ProtocolVersionId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var (trial, version) = loaded.Value;
        var errors = version.ReplaceSchedule(command.Procedures, command.Visits, trial.DayCountingConvention);
        return errors.Count > 0 ? Result<Guid>.FromErrors(errors) : await SaveAsync(version.Id, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(SaveCriteriaCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadVersionAsync(db, user, command.ProtocolVersionId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        return loaded.Value.Version.ReplaceCriteria(command.Inclusion, command.Exclusion) is { } refused
            ? refused
            : await SaveAsync(command.ProtocolVersionId, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(AddConsentVersionCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadVersionAsync(db, user, command.ProtocolVersionId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var version = loaded.Value.Version;
        if (version.IsFrozen)
        {
            // Refuse before storing a file that would belong to nothing.
            return Result<Guid>.FromErrors([version.AddConsentVersion(command.DocumentName, command.Version, command.Language, null, null).Errors[0]]);
        }

        string? key = null;
        if (command.FileContent is not null && !string.IsNullOrWhiteSpace(command.FileName))
        {
            key = await documents.SaveAsync($"consent/{version.TrialId:N}", command.FileName, command.FileContent, cancellationToken);
        }

        var added = version.AddConsentVersion(command.DocumentName.Trim(), command.Version.Trim(), command.Language.Trim(),
            key is null ? null : Path.GetFileName(command.FileName), key);
        if (added.IsFailure)
        {
            return Result<Guid>.FromErrors(added.Errors);
        }

        var saved = await SaveAsync(version.Id, cancellationToken);
        return saved.IsSuccess ? added.Value.Id : saved;
    }

    public async Task<Result<Guid>> HandleAsync(RemoveConsentVersionCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadVersionAsync(db, user, command.ProtocolVersionId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        return loaded.Value.Version.RemoveConsentVersion(command.ConsentVersionId) is { } refused
            ? refused
            : await SaveAsync(command.ProtocolVersionId, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(SubmitProtocolVersionCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadVersionAsync(db, user, command.ProtocolVersionId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var (trial, version) = loaded.Value;
        var now = clock.GetUtcNow();
        if (version.Submit(now) is { } refused)
        {
            return refused;
        }

        AddSubmittedEvents(db, trial, version, now);
        return await SaveAsync(version.Id, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(AmendProtocolCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SponsorAccess.LoadTrialAsync(db, user, command.TrialId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var versions = await db.ProtocolVersions.Where(p => p.TrialId == command.TrialId).OrderByDescending(p => p.Major).ToListAsync(cancellationToken);
        var latest = versions.FirstOrDefault();
        if (latest is null)
        {
            return Error.NotFound("A protocol version to amend");
        }

        if (!latest.IsFrozen)
        {
            return Error.Rule("draft-exists", $"Protocol version {latest.Number} is still a draft: edit and submit it instead of amending.");
        }

        var next = latest.Amend(latest.Major + 1, clock.GetUtcNow());
        db.ProtocolVersions.Add(next);
        var saved = await SaveAsync(next.Id, cancellationToken);
        return saved.IsFailure ? Result<Guid>.FromErrors([Error.Conflict("Another amendment was created meanwhile; reload the trial.")]) : next.Id;
    }

    /// <summary>ProtocolVersionSubmitted, and ConsentVersionSubmitted for each consent version it carries.</summary>
    public static void AddSubmittedEvents(TrialsDbContext db, Trial trial, ProtocolVersion version, DateTimeOffset now)
    {
        var consents = version.ConsentVersions.OrderBy(c => c.DocumentName).ThenBy(c => c.Language).ToList();
        db.AddIntegrationEvent(new ProtocolVersionSubmitted(trial.Id, trial.TenantId, trial.ProtocolNumber, version.Id, version.Number, version.IsAmendment,
            consents.Select(c => new ConsentVersionRef(c.Id, c.DocumentName, c.Version, c.Language)).ToList(), now), now);
        foreach (var c in consents)
        {
            db.AddIntegrationEvent(new ConsentVersionSubmitted(trial.Id, version.Id, c.Id, c.DocumentName, c.Version, c.Language, now), now);
        }
    }

    private async Task<Result<Guid>> SaveAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return id;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Error.Conflict("Someone else changed this protocol version meanwhile; reload it and apply your change again.");
        }
    }
}

internal sealed record TrialView(
    Contracts.TrialSummary Trial,
    IReadOnlyList<Contracts.TrialArmDto> Arms,
    IReadOnlyList<ProtocolVersionView> Versions,
    IReadOnlyList<string> AllowedStatuses);

internal sealed record ProtocolVersionView(
    Contracts.ProtocolVersionSummary Summary,
    Contracts.ScheduleDto Schedule,
    IReadOnlyList<string> Inclusion,
    IReadOnlyList<string> Exclusion,
    IReadOnlyList<Contracts.ConsentVersionSummary> Consents);

internal sealed record TrialViewQuery(Guid TrialId) : IQuery<TrialView>;

internal sealed class TrialViewHandler(TrialsDbContext db, ICurrentUser user) : IQueryHandler<TrialViewQuery, TrialView>
{
    public async Task<Result<TrialView>> HandleAsync(TrialViewQuery query, CancellationToken cancellationToken = default)
    {
        if (SponsorAccess.Check(user) is { } denied)
        {
            return denied;
        }

        var trial = await db.Trials.AsNoTracking().SingleOrDefaultAsync(t => t.Id == query.TrialId && t.TenantId == user.TenantId, cancellationToken);
        if (trial is null)
        {
            return Error.NotFound("The trial");
        }

        var versions = await db.ProtocolVersions.AsNoTracking().Where(p => p.TrialId == trial.Id).OrderBy(p => p.Major).ToListAsync(cancellationToken);
        return new TrialView(
            TrialsQueries.ToSummary(trial),
            trial.Arms.OrderBy(a => a.Order).Select(a => new Contracts.TrialArmDto(a.Id, a.Name, a.Type, a.AllocationRatio)).ToList(),
            versions.Select(v => new ProtocolVersionView(TrialsQueries.ToSummary(v), TrialsQueries.ToSchedule(v, trial), v.InclusionCriteria, v.ExclusionCriteria,
                v.ConsentVersions.OrderBy(c => c.DocumentName).ThenBy(c => c.Language)
                    .Select(c => new Contracts.ConsentVersionSummary(c.Id, c.ProtocolVersionId, c.DocumentName, c.Version, c.Language, c.FileName)).ToList()))
                .ToList(),
            TrialStatus.AllowedFrom(trial.Status));
    }
}
