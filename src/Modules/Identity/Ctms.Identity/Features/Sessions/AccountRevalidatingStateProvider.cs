using System.Security.Claims;
using Ctms.Identity.Domain;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ctms.Identity.Features.Sessions;

/// <summary>
/// A Blazor circuit outlives the cookie check of the request that opened it. This re-checks the account at
/// <c>Security:RevalidationMinutes</c>: a deactivated account, or a changed security stamp (new password, changed
/// roles, deactivation), signs the circuit out.
/// </summary>
internal sealed class AccountRevalidatingStateProvider(
    ILoggerFactory loggers,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identityOptions,
    IConfiguration configuration) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval { get; } = SecuritySettings.Revalidation(configuration);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        IsStillValidAsync(authenticationState.User);

    // A fresh scope: the circuit's own DbContext may hold a stale copy of the account.
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<CtmsUser>>();
        if (await users.GetUserAsync(principal) is not { IsActive: true } user)
        {
            return false;
        }

        var stamp = principal.FindFirstValue(identityOptions.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
