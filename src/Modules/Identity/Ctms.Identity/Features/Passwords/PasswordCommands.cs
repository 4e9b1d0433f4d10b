using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Persistence;
using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using FluentValidation;
using Microsoft.AspNetCore.Identity;

namespace Ctms.Identity.Features.Passwords;

/// <summary>An invited person sets their first password with the one-time link.</summary>
internal sealed record AcceptInvitationCommand(string UserId, string Token, string Password, string ConfirmPassword) : ICommand<string>;

/// <summary>The signed-in person changes their own password.</summary>
internal sealed record ChangePasswordCommand(string CurrentPassword, string NewPassword, string ConfirmPassword) : ICommand<string>;

internal sealed class AcceptInvitationValidator : AbstractValidator<AcceptInvitationCommand>
{
    public AcceptInvitationValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().WithMessage("The link is incomplete; ask your administrator for a new one.");
        RuleFor(c => c.Token).NotEmpty().WithMessage("The link is incomplete; ask your administrator for a new one.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Choose a password.");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.Password).WithMessage("The two passwords differ.");
    }
}

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Enter your current password.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Choose a new password.")
            .NotEqual(c => c.CurrentPassword).WithMessage("The new password must differ from the current one.");
        RuleFor(c => c.ConfirmPassword).Equal(c => c.NewPassword).WithMessage("The two new passwords differ.");
    }
}

/// <summary>
/// Both go through Identity's password validators (length and <see cref="CommonPasswordValidator"/>) and renew the
/// security stamp: the invitation link is spent, and other sessions of a person who changed their password end.
/// </summary>
internal sealed class PasswordHandlers(CtmsIdentityDbContext db, UserManager<CtmsUser> users, ICurrentUser current) :
    ICommandHandler<AcceptInvitationCommand, string>,
    ICommandHandler<ChangePasswordCommand, string>
{
    private const string InvalidLink = "This link is not valid any more (it was used, replaced or has expired). Ask your administrator for a new one.";

    public async Task<Result<string>> HandleAsync(AcceptInvitationCommand command, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(command.UserId) is not { IsActive: true } user || await users.HasPasswordAsync(user))
        {
            return Error.Rule("invitation-invalid", InvalidLink);
        }

        // Policy first, so a weak password is reported as such and the link stays usable.
        if (await PolicyErrorsAsync(user, command.Password, nameof(command.Password)) is { Count: > 0 } weak)
        {
            return Result<string>.FromErrors(weak);
        }

        var outcome = await users.ResetPasswordAsync(user, command.Token, command.Password);
        if (!outcome.Succeeded)
        {
            db.ChangeTracker.Clear();
            return Error.Rule("invitation-invalid", InvalidLink);
        }

        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.InvitationAccepted, "password set with the invitation link"));
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    public async Task<Result<string>> HandleAsync(ChangePasswordCommand command, CancellationToken cancellationToken = default)
    {
        db.ChangeTracker.Clear();
        if (current.UserId is null || await users.FindByIdAsync(current.UserId) is not { IsActive: true } user)
        {
            return Error.Forbidden("Sign in to change your password.");
        }

        if (await PolicyErrorsAsync(user, command.NewPassword, nameof(command.NewPassword)) is { Count: > 0 } weak)
        {
            return Result<string>.FromErrors(weak);
        }

        var outcome = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
        if (!outcome.Succeeded)
        {
            db.ChangeTracker.Clear();
            db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.PasswordChanged, "refused: current password not correct"));
            await db.SaveChangesAsync(cancellationToken);
            return Error.Validation(nameof(command.CurrentPassword), "The current password is not correct.");
        }

        db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.PasswordChanged));
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }

    private async Task<List<Error>> PolicyErrorsAsync(CtmsUser user, string password, string field)
    {
        var errors = new List<Error>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => Error.Validation(field, e.Description)));
        }

        return errors;
    }
}
