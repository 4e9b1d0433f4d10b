using System.Security.Claims;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Ctms.Shared.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.TrialsSites;

internal static class TrialsSitesScopes
{
    /// <summary>The demo IRB approvals are seeded by default; these tests grant approvals themselves or expect none.</summary>
    public static readonly IReadOnlyDictionary<string, string?> WithoutDemoIrbApprovals = new Dictionary<string, string?> { ["Seed:DemoIrbApprovals"] = "false" };

    /// <summary>Empty delegation logs, for the tests that build one from nothing.</summary>
    public static readonly IReadOnlyDictionary<string, string?> WithoutDemoDelegations = new Dictionary<string, string?> { ["Seed:DemoDelegations"] = "false" };

    /// <summary>A scope acting as a sponsor user of another tenant (no such demo user exists).</summary>
    public static AsyncServiceScope OtherTenantSponsorScope(this CtmsAppFactory app)
    {
        var scope = app.Services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, "other-sponsor-user"),
            new Claim(ClaimTypes.Role, CtmsRoles.Sponsor),
            new Claim(CtmsClaims.Tenant, "other-sponsor"),
            new Claim(CtmsClaims.DisplayName, "Olga Other"),
        ], "test");
        scope.ServiceProvider.GetRequiredService<CurrentUserAccessor>().Set(new ClaimsPrincipal(identity));
        return scope;
    }

    public static Task<Result<TResult>> SendAsync<TCommand, TResult>(this AsyncServiceScope scope, TCommand command)
        where TCommand : ICommand<TResult> =>
        scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command);

    public static T Get<T>(this AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);
}
