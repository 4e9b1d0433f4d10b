using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Ctms.Shared.Signatures;
using Ctms.Sites.Contracts.IntegrationEvents;
using Ctms.Sites.Domain;
using Ctms.Sites.Features.Access;
using Ctms.Sites.Persistence;
using Ctms.Trials.Contracts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Ctms.Sites.Features.Delegation;

/// <summary>Adds a person to the site's staff by the email of their user account.</summary>
internal sealed record AddStaffMemberCommand(Guid SiteId, string Email, string Role, DateOnly? GcpTrainingExpiresOn) : ICommand<Guid>;

internal sealed record RecordTrainingCommand(Guid SiteId, Guid StaffMemberId, DateOnly? GcpTrainingExpiresOn) : ICommand<Guid>;

internal sealed record AddDelegationCommand(Guid SiteId, Guid StaffMemberId, IReadOnlyList<string> Responsibilities, DateOnly StartDate) : ICommand<Guid>;

internal sealed record EditDelegationCommand(Guid SiteId, Guid EntryId, IReadOnlyList<string> Responsibilities, DateOnly StartDate) : ICommand<Guid>;

internal sealed record EndDelegationCommand(Guid SiteId, Guid EntryId, DateOnly EndDate) : ICommand<Guid>;

/// <summary>The PI signs an entry (Part 11: re-authentication; meaning responsibility).</summary>
internal sealed record SignDelegationCommand(Guid SiteId, Guid EntryId, string? UserName, string Password) : ICommand<SignatureManifestation>;

internal sealed class AddStaffMemberValidator : AbstractValidator<AddStaffMemberCommand>
{
    public AddStaffMemberValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the person's email.").EmailAddress().WithMessage("Enter a valid email address.");
        RuleFor(c => c.Role).NotEmpty().WithMessage("Enter the person's role at the site (e.g. sub-investigator, study nurse).").MaximumLength(100);
    }
}

internal sealed class AddDelegationValidator : AbstractValidator<AddDelegationCommand>
{
    public AddDelegationValidator()
    {
        RuleFor(c => c.StaffMemberId).NotEmpty().WithMessage("Choose the staff member.");
        RuleFor(c => c.Responsibilities).NotEmpty().WithMessage("Delegate at least one responsibility.");
        RuleForEach(c => c.Responsibilities).Must(r => Responsibility.All.Contains(r)).WithMessage("That is not a delegable responsibility.");
    }
}

internal sealed class EditDelegationValidator : AbstractValidator<EditDelegationCommand>
{
    public EditDelegationValidator()
    {
        RuleFor(c => c.Responsibilities).NotEmpty().WithMessage("Delegate at least one responsibility.");
        RuleForEach(c => c.Responsibilities).Must(r => Responsibility.All.Contains(r)).WithMessage("That is not a delegable responsibility.");
    }
}

internal sealed class SignDelegationValidator : AbstractValidator<SignDelegationCommand>
{
    public SignDelegationValidator() => RuleFor(c => c.Password).NotEmpty().WithMessage("Enter your password to sign.");
}

internal sealed class DelegationHandlers(
    SitesDbContext db,
    ITrialsQueries trials,
    ICurrentUser user,
    IElectronicSignatureService signatures,
    TimeProvider clock) :
    ICommandHandler<AddStaffMemberCommand, Guid>,
    ICommandHandler<RecordTrainingCommand, Guid>,
    ICommandHandler<AddDelegationCommand, Guid>,
    ICommandHandler<EditDelegationCommand, Guid>,
    ICommandHandler<EndDelegationCommand, Guid>,
    ICommandHandler<SignDelegationCommand, SignatureManifestation>
{
    public async Task<Result<Guid>> HandleAsync(AddStaffMemberCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, command.SiteId, staffToo: true, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var email = command.Email.Trim();
        var normalised = email.ToLowerInvariant();
        var known = await db.KnownUsers.AsNoTracking().FirstOrDefaultAsync(u => u.Email == normalised, cancellationToken);
        if (known is null)
        {
            return Error.Validation(nameof(command.Email), $"No user account has the email {email}; ask an administrator to create it first.");
        }

        if (await db.Staff.AnyAsync(s => s.SiteId == command.SiteId && s.UserId == known.UserId, cancellationToken))
        {
            return Error.Validation(nameof(command.Email), $"{known.DisplayName} is already on this site's staff.");
        }

        var member = new StaffMember(Guid.NewGuid(), command.SiteId, known.UserId, known.Email, known.DisplayName, command.Role.Trim(), command.GcpTrainingExpiresOn);
        db.Staff.Add(member);
        return await SaveAsync(member.Id, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(RecordTrainingCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, command.SiteId, staffToo: true, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var member = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.StaffMemberId && s.SiteId == command.SiteId, cancellationToken);
        if (member is null)
        {
            return Error.NotFound("The staff member");
        }

        member.RecordTraining(command.GcpTrainingExpiresOn);
        return await SaveAsync(member.Id, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(AddDelegationCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, command.SiteId, staffToo: true, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var member = await db.Staff.SingleOrDefaultAsync(s => s.Id == command.StaffMemberId && s.SiteId == command.SiteId, cancellationToken);
        if (member is null)
        {
            return Error.Validation(nameof(command.StaffMemberId), "Choose a member of this site's staff.");
        }

        var now = clock.GetUtcNow();
        var entry = new DelegationEntry(Guid.NewGuid(), command.SiteId, member.Id, member.UserId, command.Responsibilities, command.StartDate, now);
        db.Delegations.Add(entry);
        Publish(loaded.Value.Site, entry, "added", now);
        return await SaveAsync(entry.Id, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(EditDelegationCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadEntryAsync(command.SiteId, command.EntryId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var (site, entry) = loaded.Value;
        var now = clock.GetUtcNow();
        if (entry.Edit(command.Responsibilities, command.StartDate, now) is { } refused)
        {
            return refused;
        }

        Publish(site, entry, "edited", now);
        return await SaveAsync(entry.Id, cancellationToken);
    }

    public async Task<Result<Guid>> HandleAsync(EndDelegationCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadEntryAsync(command.SiteId, command.EntryId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<Guid>.FromErrors(loaded.Errors);
        }

        var (site, entry) = loaded.Value;
        if (entry.End(command.EndDate) is { } refused)
        {
            return refused;
        }

        Publish(site, entry, "ended", clock.GetUtcNow());
        return await SaveAsync(entry.Id, cancellationToken);
    }

    public async Task<Result<SignatureManifestation>> HandleAsync(SignDelegationCommand command, CancellationToken cancellationToken = default)
    {
        var loaded = await LoadEntryAsync(command.SiteId, command.EntryId, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<SignatureManifestation>.FromErrors(loaded.Errors);
        }

        if (!SiteAccess.IsInvestigatorOf(user, command.SiteId))
        {
            return Error.Forbidden("Only the site's principal investigator signs its delegation log.");
        }

        var (site, entry) = loaded.Value;
        if (entry.EndDate is not null)
        {
            return Error.Rule("delegation-ended", "This delegation has ended; it stays in the log as history.");
        }

        if (entry.IsSigned)
        {
            return Error.Rule("already-signed", $"This entry is already signed by {entry.SignedByName}.");
        }

        var signed = await signatures.SignAsync(new SignatureRequest("DelegationEntry", entry.Id.ToString(), entry.SignedContent(),
            SignatureMeaning.Responsibility, command.UserName, command.Password), cancellationToken);
        if (signed.IsFailure)
        {
            return signed;
        }

        entry.Sign(signed.Value);
        Publish(site, entry, "signed", clock.GetUtcNow());
        var saved = await SaveAsync(entry.Id, cancellationToken);
        return saved.IsSuccess ? signed.Value : Result<SignatureManifestation>.FromErrors(saved.Errors);
    }

    private async Task<Result<(Site Site, DelegationEntry Entry)>> LoadEntryAsync(Guid siteId, Guid entryId, CancellationToken cancellationToken)
    {
        var loaded = await SiteAccess.LoadSiteAsync(db, user, trials, siteId, staffToo: true, cancellationToken);
        if (loaded.IsFailure)
        {
            return Result<(Site, DelegationEntry)>.FromErrors(loaded.Errors);
        }

        var entry = await db.Delegations.SingleOrDefaultAsync(d => d.Id == entryId && d.SiteId == siteId, cancellationToken);
        return entry is null ? Error.NotFound("The delegation entry") : (loaded.Value.Site, entry);
    }

    private void Publish(Site site, DelegationEntry entry, string change, DateTimeOffset now) =>
        db.AddIntegrationEvent(new DelegationChanged(site.Id, site.TrialId, entry.Id, entry.StaffUserId, [.. entry.Responsibilities], entry.StartDate, entry.EndDate,
            change, entry.IsSigned, now), now);

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
            return Error.Conflict("Someone else changed the delegation log meanwhile; reload it and try again.");
        }
    }
}
