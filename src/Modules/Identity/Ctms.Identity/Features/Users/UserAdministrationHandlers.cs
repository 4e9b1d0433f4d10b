using System.Security.Claims;
using Ctms.Identity.Contracts.IntegrationEvents;
using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Persistence;
using Ctms.Shared.Audit;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ctms.Identity.Features.Users;

/// <summary>
/// Administrators invite people, change their roles and scope, and deactivate or reactivate accounts (never delete).
/// Each change saves with its audit entry; changes to access renew the security stamp so open sessions end.
/// </summary>
internal sealed class UserAdministrationHandlers(
    CtmsIdentityDbContext db,
    UserManager<CtmsUser> users,
    ICurrentUser current,
    IAuditReason auditReason,
    IOptions<DataProtectionTokenProviderOptions> tokenOptions,
    TimeProvider clock,
    ILogger<UserAdministrationHandlers> logger) :
    ICommandHandler<InviteUserCommand, Invitation>,
    ICommandHandler<ChangeUserAccessCommand, string>,
    ICommandHandler<DeactivateUserCommand, string>,
    ICommandHandler<ReactivateUserCommand, string>,
    ICommandHandler<ReissueInvitationCommand, Invitation>
{
    private static readonly string[] ScopeClaimTypes = [CtmsClaims.Tenant, CtmsClaims.Site, CtmsClaims.Irb];

    public async Task<Result<Invitation>> HandleAsync(InviteUserCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        var email = command.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return Error.Validation(nameof(command.Email), "An account with this email exists already (deactivated accounts are reactivated, not invited again).");
        }

        var now = clock.GetUtcNow();
        var outcome = await AccountTransaction.RunAsync(db, async () =>
        {
            var user = new CtmsUser { UserName = email, Email = email, DisplayName = command.DisplayName.Trim(), CreatedAt = now };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                return Result<Invitation>.FromErrors([.. created.Errors.Select(e => Error.Validation(nameof(command.Email), e.Description))]);
            }

            await ApplyAccessAsync(user, command.Access, cancellationToken);
            await users.AddClaimAsync(user, new Claim(CtmsClaims.DisplayName, user.DisplayName));
            db.AddAuditEvent(IdentityAuditEvents.ByCurrentUser(user.Id, IdentityAuditEvents.AccountCreated,
                $"invited {email} ({user.DisplayName}); {Describe(command.Access)}"));
            db.AddIntegrationEvent(new UserAccountCreated(user.Id, email, user.DisplayName, command.Access.Roles, now), now);
            var invitation = await InvitationAsync(user, now);
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(invitation);
        }, cancellationToken);

        if (outcome.IsSuccess)
        {
            // No mail server: the link reaches the person through the administrator, and the log keeps it for operators.
            logger.LogInformation("Invitation for {Email} ({UserId}): {Path}, valid until {ExpiresAt:u}",
                email, outcome.Value.UserId, outcome.Value.SetPasswordPath, outcome.Value.ExpiresAt);
        }

        db.ChangeTracker.Clear();
        return outcome;
    }

    public async Task<Result<Invitation>> HandleAsync(ReissueInvitationCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(command.UserId) is not { } user)
        {
            return Error.NotFound("The account");
        }

        if (await users.HasPasswordAsync(user) || !user.IsActive)
        {
            return Error.Conflict("Only an active account that has not set its password yet gets a new invitation link.");
        }

        var outcome = await AccountTransaction.RunAsync(db, async () =>
        {
            var account = (await users.FindByIdAsync(command.UserId))!;
            // A new stamp voids the earlier link: only the newest one works.
            await users.UpdateSecurityStampAsync(account);
            var invitation = await InvitationAsync(account, clock.GetUtcNow());
            db.AddAuditEvent(IdentityAuditEvents.ByCurrentUser(account.Id, IdentityAuditEvents.InvitationReissued,
                $"valid until {invitation.ExpiresAt:u}"));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(invitation);
        }, cancellationToken);
        if (outcome.IsSuccess)
        {
            logger.LogInformation("New invitation for {UserId}: {Path}, valid until {ExpiresAt:u}", user.Id, outcome.Value.SetPasswordPath, outcome.Value.ExpiresAt);
        }

        return outcome;
    }

    public async Task<Result<string>> HandleAsync(ChangeUserAccessCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(command.UserId) is not { } user)
        {
            return Error.NotFound("The account");
        }

        var roles = await users.GetRolesAsync(user);
        if (roles.Contains(CtmsRoles.Administrator) && !command.Access.Roles.Contains(CtmsRoles.Administrator) &&
            user.IsActive && await OtherActiveAdministratorsAsync(user.Id) == 0)
        {
            return Error.Conflict("This is the last active administrator: make someone else an administrator first.");
        }

        var before = Describe(await AccessOfAsync(users, user));
        return await AccountTransaction.RunAsync(db, async () =>
        {
            var account = (await users.FindByIdAsync(command.UserId))!;
            await ApplyAccessAsync(account, command.Access, cancellationToken);
            if (!(await users.UpdateSecurityStampAsync(account)).Succeeded)
            {
                return Error.Conflict("The account changed meanwhile; try again.");
            }

            db.AddAuditEvent(IdentityAuditEvents.ByCurrentUser(account.Id, IdentityAuditEvents.RolesChanged,
                $"{before} → {Describe(command.Access)}", command.Reason.Trim()));
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success(account.Id);
        }, cancellationToken);
    }

    public async Task<Result<string>> HandleAsync(DeactivateUserCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(command.UserId) is not { } user)
        {
            return Error.NotFound("The account");
        }

        if (user.Id == current.UserId)
        {
            return Error.Conflict("You cannot deactivate your own account; another administrator can.");
        }

        if (!user.IsActive)
        {
            return Error.Conflict("The account is deactivated already.");
        }

        if (await users.IsInRoleAsync(user, CtmsRoles.Administrator) && await OtherActiveAdministratorsAsync(user.Id) == 0)
        {
            return Error.Conflict("This is the last active administrator and cannot be deactivated.");
        }

        return await SetActiveAsync(user, false, command.Reason, IdentityAuditEvents.AccountDeactivated, cancellationToken);
    }

    public async Task<Result<string>> HandleAsync(ReactivateUserCommand command, CancellationToken cancellationToken = default)
    {
        if (Refused() is { } refused)
        {
            return refused;
        }

        db.ChangeTracker.Clear();
        if (await users.FindByIdAsync(command.UserId) is not { } user)
        {
            return Error.NotFound("The account");
        }

        if (user.IsActive)
        {
            return Error.Conflict("The account is active already.");
        }

        return await SetActiveAsync(user, true, command.Reason, IdentityAuditEvents.AccountReactivated, cancellationToken);
    }

    /// <summary>
    /// The new security stamp ends the person's open sessions: the cookie fails its next validation and Blazor's
    /// revalidation signs the circuit out.
    /// </summary>
    private async Task<Result<string>> SetActiveAsync(CtmsUser user, bool active, string reason, string action, CancellationToken cancellationToken)
    {
        using (auditReason.Use(reason.Trim()))
        {
            return await AccountTransaction.RunAsync(db, async () =>
            {
                var account = (await users.FindByIdAsync(user.Id))!;
                account.IsActive = active;
                // One save: the stamp's UpdateAsync also writes IsActive, and the audit event goes with it.
                db.AddAuditEvent(IdentityAuditEvents.ByCurrentUser(account.Id, action, account.DisplayName, reason.Trim()));
                var updated = await users.UpdateSecurityStampAsync(account);
                return updated.Succeeded ? Result.Success(account.Id) : Error.Conflict("The account changed meanwhile; try again.");
            }, cancellationToken);
        }
    }

    private async Task ApplyAccessAsync(CtmsUser user, UserAccess access, CancellationToken cancellationToken)
    {
        var roles = await users.GetRolesAsync(user);
        var wanted = access.Roles.Distinct().ToList();
        await users.RemoveFromRolesAsync(user, roles.Except(wanted));
        await users.AddToRolesAsync(user, wanted.Except(roles));

        var claims = await users.GetClaimsAsync(user);
        await users.RemoveClaimsAsync(user, claims.Where(c => ScopeClaimTypes.Contains(c.Type)));
        var scope = new List<Claim>();
        if (!string.IsNullOrWhiteSpace(access.TenantId))
        {
            scope.Add(new Claim(CtmsClaims.Tenant, access.TenantId.Trim()));
        }

        scope.AddRange(access.SiteIds.Distinct().Select(id => new Claim(CtmsClaims.Site, id.ToString())));
        scope.AddRange(access.IrbIds.Distinct().Select(id => new Claim(CtmsClaims.Irb, id.ToString())));
        await users.AddClaimsAsync(user, scope);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public static async Task<UserAccess> AccessOfAsync(UserManager<CtmsUser> users, CtmsUser user)
    {
        var claims = await users.GetClaimsAsync(user);
        return new UserAccess(
            [.. (await users.GetRolesAsync(user)).Order()],
            claims.FirstOrDefault(c => c.Type == CtmsClaims.Tenant)?.Value,
            [.. claims.Where(c => c.Type == CtmsClaims.Site).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)],
            [.. claims.Where(c => c.Type == CtmsClaims.Irb).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty)]);
    }

    private async Task<Invitation> InvitationAsync(CtmsUser user, DateTimeOffset now)
    {
        // A password-reset token: tied to the security stamp, so setting the password (a new stamp) spends it.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var path = $"/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        return new Invitation(user.Id, path, now + tokenOptions.Value.TokenLifespan);
    }

    private async Task<int> OtherActiveAdministratorsAsync(string userId) =>
        (await users.GetUsersInRoleAsync(CtmsRoles.Administrator)).Count(u => u.IsActive && u.Id != userId);

    private Error? Refused() => current.IsInRole(CtmsRoles.Administrator) && current.UserId is not null
        ? null
        : Error.Forbidden("Only administrators manage accounts.");

    private static string Describe(UserAccess access)
    {
        var parts = new List<string> { "roles " + (access.Roles.Count == 0 ? "none" : string.Join(", ", access.Roles)) };
        if (!string.IsNullOrWhiteSpace(access.TenantId))
        {
            parts.Add($"tenant {access.TenantId}");
        }

        if (access.SiteIds.Count > 0)
        {
            parts.Add("sites " + string.Join(", ", access.SiteIds));
        }

        if (access.IrbIds.Count > 0)
        {
            parts.Add("IRBs " + string.Join(", ", access.IrbIds));
        }

        return string.Join("; ", parts);
    }
}
