using Ctms.Shared.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ctms.Web.Hosting;

/// <summary>Ready only when every module's context can reach its database.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var unreachable = new List<string>();
        foreach (var module in scope.ServiceProvider.GetServices<IMigratableContext>())
        {
            if (!await module.CanConnectAsync(scope.ServiceProvider, cancellationToken))
            {
                unreachable.Add(module.Schema);
            }
        }

        return unreachable.Count == 0
            ? HealthCheckResult.Healthy("All module databases answer.")
            : HealthCheckResult.Unhealthy($"Cannot reach the database of: {string.Join(", ", unreachable)}.");
    }
}
