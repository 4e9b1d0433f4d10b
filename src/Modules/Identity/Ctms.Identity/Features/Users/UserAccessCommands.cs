using Ctms.Shared.Handlers;
using Ctms.Shared.Security;
using FluentValidation;

namespace Ctms.Identity.Features.Users;

/// <summary>What a person may do and where: roles, plus the tenant, sites and IRBs those roles act on.</summary>
internal sealed record UserAccess(IReadOnlyList<string> Roles, string? TenantId, IReadOnlyList<Guid> SiteIds, IReadOnlyList<Guid> IrbIds);

/// <summary>The administrator invites a person; the answer is a one-time link to set a password.</summary>
internal sealed record InviteUserCommand(string Email, string DisplayName, UserAccess Access) : ICommand<Invitation>;

internal sealed record Invitation(string UserId, string SetPasswordPath, DateTimeOffset ExpiresAt);

internal sealed record ChangeUserAccessCommand(string UserId, UserAccess Access, string Reason) : ICommand<string>;

internal sealed record DeactivateUserCommand(string UserId, string Reason) : ICommand<string>;

internal sealed record ReactivateUserCommand(string UserId, string Reason) : ICommand<string>;

/// <summary>A new link for an invited person who has not set a password yet (the first expired or was lost).</summary>
internal sealed record ReissueInvitationCommand(string UserId) : ICommand<Invitation>;

internal sealed class UserAccessValidator : AbstractValidator<UserAccess>
{
    public UserAccessValidator()
    {
        RuleFor(a => a.Roles).NotEmpty().WithMessage("Give the person at least one role.");
        RuleForEach(a => a.Roles).Must(r => CtmsRoles.All.Contains(r)).WithMessage(r => $"'{r}' is not a role of Ctms.");
        RuleFor(a => a.TenantId).MaximumLength(100);
        RuleFor(a => a.TenantId).NotEmpty().When(a => a.Roles.Contains(CtmsRoles.Sponsor))
            .WithMessage("A sponsor works for a sponsor organisation (tenant): give one.");
        RuleFor(a => a.SiteIds).NotEmpty().When(a => a.Roles.Any(r => r is CtmsRoles.Coordinator or CtmsRoles.Investigator))
            .WithMessage("Coordinators and investigators work at one or more sites: choose them.");
        RuleFor(a => a.IrbIds).NotEmpty().When(a => a.Roles.Any(r => r is CtmsRoles.IrbMember or CtmsRoles.IrbChair))
            .WithMessage("IRB members and chairs sit on an IRB: choose it.");
        RuleForEach(a => a.SiteIds).NotEmpty().WithMessage("A site id is empty.");
        RuleForEach(a => a.IrbIds).NotEmpty().WithMessage("An IRB id is empty.");
    }
}

internal sealed class InviteUserValidator : AbstractValidator<InviteUserCommand>
{
    public InviteUserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("Enter the person's email address.")
            .EmailAddress().WithMessage("That is not an email address.").MaximumLength(256);
        RuleFor(c => c.DisplayName).NotEmpty().WithMessage("Enter the person's name as it is printed on signatures.").MaximumLength(200);
        RuleFor(c => c.Access).NotNull().SetValidator(new UserAccessValidator());
    }
}

internal sealed class ChangeUserAccessValidator : AbstractValidator<ChangeUserAccessCommand>
{
    public ChangeUserAccessValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Access).NotNull().SetValidator(new UserAccessValidator());
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the access changes (it goes into the audit trail).").MaximumLength(500);
    }
}

internal sealed class DeactivateUserValidator : AbstractValidator<DeactivateUserCommand>
{
    public DeactivateUserValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the account is deactivated (it goes into the audit trail).").MaximumLength(500);
    }
}

internal sealed class ReactivateUserValidator : AbstractValidator<ReactivateUserCommand>
{
    public ReactivateUserValidator()
    {
        RuleFor(c => c.UserId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().WithMessage("Say why the account is reactivated (it goes into the audit trail).").MaximumLength(500);
    }
}

internal sealed class ReissueInvitationValidator : AbstractValidator<ReissueInvitationCommand>
{
    public ReissueInvitationValidator() => RuleFor(c => c.UserId).NotEmpty();
}
