using Ctms.Shared.Hosting;
using Ctms.Shared.Time;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ctms.Irb.Features.Approvals;

/// <summary>Runs <see cref="ApprovalLapsing"/> at start and then every <c>Irb:ExpiryCheckMinutes</c> (default 60).</summary>
internal sealed class ApprovalExpiryMonitor(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, IHostApplicationLifetime lifetime,
    ILogger<ApprovalExpiryMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await lifetime.WaitForStartedAsync(stoppingToken); // not needed for the first page
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var minutes = int.TryParse(configuration["Irb:ExpiryCheckMinutes"], out var m) && m > 0 ? m : 60;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ApprovalLapsing>().RunAsync(clock.Today(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Checking IRB approval expiry failed; it runs again in {Minutes} minutes", minutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
