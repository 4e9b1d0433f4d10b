using Ctms.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Support;

public static class ActingAs
{
    /// <summary>A DI scope whose current user is a demo user, as the sign-in would make them.</summary>
    public static async Task<AsyncServiceScope> UserScopeAsync(this CtmsAppFactory app, string email)
    {
        var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<Ctms.Identity.Domain.CtmsUser>>();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<Ctms.Identity.Domain.CtmsUser>>();
        var user = await manager.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        scope.ServiceProvider.GetRequiredService<CurrentUserAccessor>().Set(await users.CreateAsync(user));
        return scope;
    }
}
