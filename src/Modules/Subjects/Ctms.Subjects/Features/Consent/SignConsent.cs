using Ctms.Irb.Contracts;
using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Time;
using Ctms.Sites.Contracts;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Subjects.Features.Consent;

internal sealed record SignConsentCommand(Guid SiteId, string SubjectNumber, Guid ConsentVersionId, DateOnly SignedOn) : ICommand<ConsentRecorded>;

internal sealed record ConsentRecorded(Guid SubjectId, string SubjectNumber, bool Reconsent);

internal sealed class SignConsentValidator : AbstractValidator<SignConsentCommand>
{
    public SignConsentValidator()
    {
        RuleFor(c => c.SiteId).NotEmpty().WithMessage("Choose the site.");
        RuleFor(c => c.SubjectNumber).NotEmpty().WithMessage("Enter the subject number.");
        RuleFor(c => c.ConsentVersionId).NotEmpty().WithMessage("Choose the consent version the subject signed.");
        RuleFor(c => c.SignedOn).NotEqual(default(DateOnly)).WithMessage("Enter the date the subject signed.");
    }
}

/// <summary>
/// Records a signed consent: the version must be IRB approved (own or recognised) at the site's institution on the
/// signing date, the user delegated informed-consent, and no study procedure of the subject dated before it.
/// Signing the version a re-consent flag asks for clears the flag.
/// </summary>
internal sealed class SignConsentHandler(
    SubjectsDbContext db,
    SubjectLoader loader,
    ISitesQueries sites,
    ITrialsQueries trials,
    IIrbQueries irb,
    ICurrentUser user,
    IAuditReason reason,
    TimeProvider clock) : ICommandHandler<SignConsentCommand, ConsentRecorded>
{
    public async Task<Result<ConsentRecorded>> HandleAsync(SignConsentCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await loader.SubjectAsync(command.SiteId, command.SubjectNumber, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<ConsentRecorded>.FromErrors(loaded.Errors);
        }

        var (site, trial, subject) = loaded.Value;
        if (command.SignedOn > clock.Today())
        {
            return Error.Validation("signedOn", "The consent date cannot be in the future.");
        }

        var consent = await ConsentVersions.FindAsync(trials, trial.Id, command.ConsentVersionId, cancellationToken);
        if (consent is null)
        {
            return Error.Validation("consentVersionId", $"That consent version does not belong to trial {trial.ProtocolNumber}.");
        }

        var errors = new List<Error>();
        if (!await irb.ConsentApprovedAsync(site.InstitutionId, trial.Id, consent.Id, command.SignedOn, cancellationToken))
        {
            errors.Add(Error.Rule("consent-not-approved",
                $"Consent {ConsentVersions.Label(consent)} was not IRB approved (own or recognised) at {site.InstitutionName} on {command.SignedOn:yyyy-MM-dd}."));
        }

        if (await DelegationCheck.CheckAsync(sites, user, site, DelegationCheck.InformedConsent, command.SignedOn, cancellationToken) is { } notDelegated)
        {
            errors.Add(notDelegated);
        }

        if (errors.Count > 0)
        {
            return Result<ConsentRecorded>.FromErrors(errors);
        }

        var firstVisit = await db.Visits.Where(v => v.SubjectId == subject.Id && v.ActualDate != null)
            .Select(v => v.ActualDate).ToListAsync(cancellationToken);
        DateOnly?[] procedures = [subject.EligibilityAssessedOn, .. firstVisit];
        var earliest = procedures.Where(d => d is not null).Min();
        var reconsent = subject.ConsentVersionId is not null;
        if (subject.SignConsent(consent.Id, ConsentVersions.Label(consent), command.SignedOn, earliest) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        db.Consents.Add(new ConsentRecord(subject.Id, consent.Id, ConsentVersions.Label(consent), command.SignedOn, reconsent, now, loader.Actor));
        db.AddIntegrationEvent(new ConsentSigned(subject.Id, trial.Id, site.Id, subject.SubjectNumber, consent.Id, consent.Version, command.SignedOn,
            reconsent, now), now);
        using (reason.Use(reconsent ? "Re-consent signed" : "Consent signed"))
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

        return new ConsentRecorded(subject.Id, subject.SubjectNumber, reconsent);
    }
}

internal static class ConsentVersions
{
    public static async Task<ConsentVersionSummary?> FindAsync(ITrialsQueries trials, Guid trialId, Guid consentVersionId, CancellationToken cancellationToken)
    {
        foreach (var version in await trials.ListProtocolVersionsAsync(trialId, cancellationToken))
        {
            var match = (await trials.ListConsentVersionsAsync(version.Id, cancellationToken)).FirstOrDefault(c => c.Id == consentVersionId);
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    public static string Label(ConsentVersionSummary c) => $"{c.DocumentName} {c.Version} ({c.Language})";
}
