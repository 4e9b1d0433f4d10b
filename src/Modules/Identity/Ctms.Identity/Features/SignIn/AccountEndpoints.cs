using Ctms.Identity.Domain;
using Ctms.Identity.Features.Audit;
using Ctms.Identity.Persistence;
using Ctms.Shared.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Ctms.Identity.Features.SignIn;

internal sealed class LoginForm
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

internal sealed class TwoFactorForm
{
    public string Code { get; set; } = "";
    public bool RememberDevice { get; set; }
    public string? ReturnUrl { get; set; }
}

internal static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/signin", SignInAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/signin-2fa", SignInTwoFactorAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", async (SignInManager<CtmsUser> signIn, CtmsIdentityDbContext db, Ctms.Shared.Security.ICurrentUser current) =>
        {
            await signIn.SignOutAsync();
            if (current.UserId is { } userId)
            {
                db.AddAuditEvent(IdentityAuditEvents.For(userId, current.DisplayName, IdentityAuditEvents.SignedOut));
                await db.SaveChangesAsync();
            }

            return Results.LocalRedirect("~/account/login");
        }).RequireAuthorization().ExcludeFromDescription();
        // A GET, so the idle timer can navigate to it; anonymous, as the session may have ended already. At worst a
        // foreign page signs someone out, which SameSite=Lax cookies allow for any top-level GET anyway.
        app.MapGet("/account/idle-signout", SignOutIdleAsync).AllowAnonymous().ExcludeFromDescription();
    }

    private static async Task<IResult> SignOutIdleAsync(SignInManager<CtmsUser> signIn, CtmsIdentityDbContext db, Ctms.Shared.Security.ICurrentUser current)
    {
        if (current.UserId is { } userId && current.Principal.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme)
        {
            await signIn.SignOutAsync();
            db.AddAuditEvent(IdentityAuditEvents.For(userId, current.DisplayName, IdentityAuditEvents.SignedOutIdle, "no activity within the idle timeout"));
            await db.SaveChangesAsync();
        }

        return Results.LocalRedirect($"~/account/login?info={Uri.EscapeDataString("You were signed out after a period without activity.")}");
    }

    private static async Task<IResult> SignInAsync(
        [FromForm] LoginForm form,
        SignInManager<CtmsUser> signIn,
        UserManager<CtmsUser> users,
        CtmsIdentityDbContext db,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Ctms.Identity.SignIn");
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        var user = string.IsNullOrWhiteSpace(form.Email) ? null : await users.FindByEmailAsync(form.Email.Trim());
        if (user is null || !user.IsActive)
        {
            logger.LogWarning("Failed sign-in for unknown or inactive account {Email}", form.Email);
            db.AddAuditEvent(user is null
                ? AuditEntry.Event(IdentityAuditEvents.Account, "unknown", IdentityAuditEvents.SignInFailed,
                    $"unknown account {Shorten(form.Email)}", userId: "anonymous", userName: "anonymous")
                : IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.SignInFailed, "account deactivated"));
            await db.SaveChangesAsync();
            return Failed("The email or password is not correct.", returnUrl);
        }

        var outcome = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (outcome.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.SignedIn));
            await db.SaveChangesAsync();
            return Results.LocalRedirect("~" + returnUrl);
        }

        if (outcome.RequiresTwoFactor)
        {
            db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, IdentityAuditEvents.PasswordAccepted, "authenticator code required"));
            await db.SaveChangesAsync();
            return Results.LocalRedirect($"~/account/login-2fa?returnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        logger.LogWarning("Failed sign-in for {UserId}: {Outcome}", user.Id, outcome);
        db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName,
            outcome.IsLockedOut ? IdentityAuditEvents.LockedOut : IdentityAuditEvents.SignInFailed,
            outcome.IsLockedOut ? "account locked after repeated failed attempts" : "wrong password"));
        await db.SaveChangesAsync();
        return Failed(outcome.IsLockedOut
            ? "This account is locked after repeated failed attempts. Try again in 15 minutes."
            : "The email or password is not correct.", returnUrl);
    }

    /// <summary>The second step: an authenticator (TOTP) code, or one of the recovery codes.</summary>
    private static async Task<IResult> SignInTwoFactorAsync(
        [FromForm] TwoFactorForm form,
        SignInManager<CtmsUser> signIn,
        CtmsIdentityDbContext db)
    {
        var returnUrl = IsLocal(form.ReturnUrl) ? form.ReturnUrl! : "/";
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null || !user.IsActive)
        {
            return Failed("Your sign-in has expired; sign in again.", returnUrl);
        }

        var code = new string(form.Code.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var recovery = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        var outcome = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(code)
            : await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: form.RememberDevice);
        var action = outcome.Succeeded ? IdentityAuditEvents.SignedIn : outcome.IsLockedOut ? IdentityAuditEvents.LockedOut : IdentityAuditEvents.SignInFailed;
        db.AddAuditEvent(IdentityAuditEvents.For(user.Id, user.DisplayName, action,
            (recovery ? "recovery code" : "authenticator code") + (outcome.Succeeded ? "" : " refused") + (form.RememberDevice && outcome.Succeeded ? "; device remembered" : "")));
        await db.SaveChangesAsync();
        if (outcome.Succeeded)
        {
            return Results.LocalRedirect("~" + returnUrl);
        }

        return outcome.IsLockedOut
            ? Failed("This account is locked after repeated failed attempts. Try again in 15 minutes.", returnUrl)
            : Results.LocalRedirect($"~/account/login-2fa?error={Uri.EscapeDataString("The code is not correct.")}&returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static IResult Failed(string message, string returnUrl) =>
        Results.LocalRedirect($"~/account/login?error={Uri.EscapeDataString(message)}&returnUrl={Uri.EscapeDataString(returnUrl)}");

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 100 ? value : value[..100];

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
