using Ctms.Identity.Domain;
using Ctms.Shared.Handlers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Ctms.Identity.Features.Passwords;

internal sealed class SetPasswordForm
{
    public string UserId { get; set; } = "";
    public string Token { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

internal sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Form posts of the static password pages: setting and changing a password touch the sign-in cookie.</summary>
internal static class PasswordEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/set-password", SetPasswordAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/password", ChangePasswordAsync).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> SetPasswordAsync(
        [FromForm] SetPasswordForm form,
        ICommandHandler<AcceptInvitationCommand, string> handler)
    {
        var result = await handler.HandleAsync(new AcceptInvitationCommand(form.UserId, form.Token, form.Password, form.ConfirmPassword));
        return result.IsSuccess
            ? Results.LocalRedirect($"~/account/login?info={Uri.EscapeDataString("Your password is set. Sign in with your email and the new password.")}")
            : Results.LocalRedirect($"~/account/set-password?user={Uri.EscapeDataString(form.UserId)}&token={Uri.EscapeDataString(form.Token)}&error={Uri.EscapeDataString(result.Describe())}");
    }

    private static async Task<IResult> ChangePasswordAsync(
        [FromForm] ChangePasswordForm form,
        ICommandHandler<ChangePasswordCommand, string> handler,
        UserManager<CtmsUser> users,
        SignInManager<CtmsUser> signIn)
    {
        var result = await handler.HandleAsync(new ChangePasswordCommand(form.CurrentPassword, form.NewPassword, form.ConfirmPassword));
        if (result.IsFailure)
        {
            return Results.LocalRedirect($"~/account/password?error={Uri.EscapeDataString(result.Describe())}");
        }

        // The stamp changed: a fresh cookie keeps this session, while other sessions fail their next validation.
        await signIn.RefreshSignInAsync((await users.FindByIdAsync(result.Value))!);
        return Results.LocalRedirect("~/account/password?changed=true");
    }
}
