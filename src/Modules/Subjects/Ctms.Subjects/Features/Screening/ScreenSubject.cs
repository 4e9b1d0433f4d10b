using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Time;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ctms.Subjects.Features.Screening;

internal sealed record ScreenSubjectCommand(Guid SiteId, DateOnly ScreenedOn, string? FullName = null, DateOnly? BirthDate = null, string? Contact = null)
    : ICommand<ScreenedSubject>;

internal sealed record ScreenedSubject(Guid SubjectId, string SubjectNumber);

internal sealed class ScreenSubjectValidator : AbstractValidator<ScreenSubjectCommand>
{
    public ScreenSubjectValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site to screen at.");
        RuleFor(c => c.ScreenedOn).NotEqual(default(DateOnly)).WithMessage("Enter the screening date.");
        RuleFor(c => c.FullName).MaximumLength(200).WithMessage("The name is at most 200 characters.");
        RuleFor(c => c.Contact).MaximumLength(300).WithMessage("The contact is at most 300 characters.");
        RuleFor(c => c.BirthDate).Must((c, birth) => birth is null || birth < c.ScreenedOn)
            .WithMessage("The birth date must be before the screening date.");
    }
}

/// <summary>
/// Screens a candidate: issues the next subject number of the site (site code + sequence, from the site counter whose
/// concurrency token makes racing screenings retry, so a number is never issued twice) and stores the direct identifiers
/// encrypted, apart from the subject.
/// </summary>
internal sealed class ScreenSubjectHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    IdentifierProtection protection,
    TimeProvider clock,
    ILogger<ScreenSubjectHandler> logger) : ICommandHandler<ScreenSubjectCommand, ScreenedSubject>
{
    private const int MaxAttempts = 20;

    public async Task<Result<ScreenedSubject>> HandleAsync(ScreenSubjectCommand command, CancellationToken cancellationToken = default)
    {
        var found = await loader.SiteAsync(command.SiteId, cancellationToken);
        if (found.IsFailure)
        {
            return Result<ScreenedSubject>.FromErrors(found.Errors);
        }

        var (site, trial) = found.Value;
        var errors = new List<Error>();
        if (!site.IsActive)
        {
            errors.Add(Error.Rule("site-not-active", $"Site {site.Code} is '{site.Status}', not active: it does not screen."));
        }

        if (!trial.IsRecruiting)
        {
            errors.Add(Error.Rule("trial-not-recruiting", $"Trial {trial.ProtocolNumber} is '{trial.Status}': it is not recruiting."));
        }

        if (command.ScreenedOn > clock.Today())
        {
            errors.Add(Error.Validation("screenedOn", "The screening date cannot be in the future."));
        }

        if (errors.Count > 0)
        {
            return Result<ScreenedSubject>.FromErrors(errors);
        }

        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var counter = await db.SiteCounters.SingleOrDefaultAsync(c => c.SiteId == site.Id, cancellationToken);
            if (counter is null)
            {
                counter = new SiteEnrollmentCounter(site.Id, trial.Id);
                db.SiteCounters.Add(counter);
            }

            var now = clock.GetUtcNow();
            var subject = Subject.Screen(trial.Id, site.Id, counter.IssueSubjectNumber(site.Code), command.ScreenedOn, loader.Actor);
            db.Subjects.Add(subject);
            if (!string.IsNullOrWhiteSpace(command.FullName) || command.BirthDate is not null || !string.IsNullOrWhiteSpace(command.Contact))
            {
                db.Identities.Add(new SubjectIdentity(subject.Id, site.Id,
                    protection.Protect(new SubjectIdentifiers(command.FullName?.Trim(), command.BirthDate, command.Contact?.Trim()))));
            }

            db.AddIntegrationEvent(new SubjectScreened(subject.Id, trial.Id, site.Id, subject.SubjectNumber, command.ScreenedOn, now), now);
            db.AddIntegrationEvent(new SubjectStatusChanged(subject.Id, trial.Id, site.Id, subject.SubjectNumber, SubjectStatus.Candidate, subject.Status, now), now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new ScreenedSubject(subject.Id, subject.SubjectNumber);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts)
            {
                logger.LogDebug(ex, "Screening at site {Site} conflicted, attempt {Attempt}", site.Code, attempt);
                await Task.Delay(Random.Shared.Next(1, 10 * attempt), cancellationToken);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                return Error.Conflict("The site is busy with other screenings; please try again.");
            }
        }
    }
}
