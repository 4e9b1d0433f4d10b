using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;

namespace Ctms.Web.Hosting;

/// <summary>
/// Measures cold start: once the server listens, fetches the sign-in page from itself and prints the time
/// from process start to that first page, with the URL and where the demo users are.
/// </summary>
internal sealed class StartupTimer(IServer server, IHostApplicationLifetime lifetime, ILogger<StartupTimer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = MeasureAsync(stoppingToken));
        return Task.CompletedTask;
    }

    private async Task MeasureAsync(CancellationToken cancellationToken)
    {
        if (LocalServerAddress.Of(server) is not { } url)
        {
            return; // In-memory test server: nothing listens.
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.GetAsync(new Uri(url, "/account/login"), cancellationToken);
            var elapsed = DateTime.Now - Process.GetCurrentProcess().StartTime;
            logger.LogInformation("Ctms is up at {Url} — cold start to first page: {Elapsed:F0} ms (HTTP {Status})",
                url, elapsed.TotalMilliseconds, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning(ex, "Could not fetch the first page from {Url} to time the cold start", url);
        }
    }
}
