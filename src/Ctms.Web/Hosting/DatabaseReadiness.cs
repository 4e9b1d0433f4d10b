using System.Security.Cryptography;
using Ctms.Shared.Messaging;
using Microsoft.AspNetCore.Hosting.Server;

namespace Ctms.Web.Hosting;

/// <summary>
/// Migrates and seeds the database while the host starts rather than before it, so the bus, Kestrel and the request
/// pipeline start on the other core meanwhile, and the sign-in page is rendered once to itself (<see cref="WarmUpPath"/>,
/// no database involved) so that its first real request finds the code compiled. Nothing reaches the database before it
/// is ready: requests wait in the first middleware (<see cref="UseDatabaseReadiness"/>), and
/// <see cref="IHostApplicationLifetime.ApplicationStarted"/>, which the background work waits for, fires only after
/// <see cref="StartedAsync"/>. A failed preparation still fails the start. With a broker (RabbitMQ: the bus's consumers
/// and the site gateway) messages may arrive the moment the bus starts, so then the whole start waits for the database
/// first, as it always did.
/// </summary>
internal sealed class DatabaseReadiness(MessagingSettings messaging, IServer server, ILogger<DatabaseReadiness> logger) : IHostedLifecycleService
{
    /// <summary>The one page the warm-up may render before the database is ready: a static form, no data.</summary>
    public const string WarmUpPath = "/account/login";

    private const string WarmUpHeader = "X-Ctms-Warm-Up";
    private readonly string _warmUpToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    private Task? _preparation;

    private Task Ready => _preparation ?? throw new InvalidOperationException("The database preparation was not begun.");

    private bool BrokerCanDeliverAtStart => messaging.Transport != MessagingTransport.InMemory;

    /// <summary>Starts migrating and seeding on the thread pool; called once, right after the app is built.</summary>
    public void Begin(IServiceProvider services, CancellationToken cancellationToken) =>
        _preparation = Task.Run(() => services.PrepareDatabaseAsync(cancellationToken), cancellationToken);

    /// <summary>Holds every request until the database is migrated and seeded (the first page included), but the warm-up's.</summary>
    public void UseDatabaseReadiness(IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!Ready.IsCompleted && !IsWarmUp(context.Request))
            {
                await Ready;
            }

            await next(context);
        });

    public Task StartingAsync(CancellationToken cancellationToken) => BrokerCanDeliverAtStart ? Ready : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!Ready.IsCompleted)
        {
            _ = WarmUpAsync(cancellationToken);
        }

        return Ready;
    }

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private bool IsWarmUp(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Path.Equals(WarmUpPath, StringComparison.OrdinalIgnoreCase) &&
        CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(request.Headers[WarmUpHeader].ToString()),
            System.Text.Encoding.ASCII.GetBytes(_warmUpToken));

    /// <summary>A request to itself, so routing, authentication, antiforgery and the page's rendering are compiled while the database work runs.</summary>
    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        if (LocalServerAddress.Of(server) is not { } url)
        {
            return; // In-memory test server: nothing listens.
        }

        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, WarmUpPath));
            request.Headers.Add(WarmUpHeader, _warmUpToken);
            using var response = await http.SendAsync(request, cancellationToken);
            logger.LogDebug("Warm-up of {Path}: HTTP {Status}", WarmUpPath, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            logger.LogDebug(ex, "Warm-up of {Path} failed; the first request compiles it instead", WarmUpPath);
        }
    }
}
