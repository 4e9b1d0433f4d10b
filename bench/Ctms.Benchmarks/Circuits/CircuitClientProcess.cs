using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Ctms.IntegrationTests.Support;

namespace Ctms.Benchmarks.Circuits;

/// <summary>
/// The load generator, run as its own process (<c>Ctms.Benchmarks circuits-client &lt;base url&gt;</c>) so the
/// server's heap is measured without the client's. Commands on stdin, one per line; each answered by one line
/// on stdout starting with <c>@</c> and followed by JSON:
/// <c>warm</c> (sign in, fetch the page), <c>open N</c> (open circuits up to N in all), <c>click S</c> (every
/// circuit clicks once a second for S seconds), <c>quit</c>.
/// </summary>
internal static class CircuitClientProcess
{
    public const string Command = "circuits-client";
    public const string PagePath = "/coordinator";
    public const string ClickTestId = "toggle-menu";
    public const string Coordinator = "coordinator@demo.ctms";
    private const int OpenConcurrency = 8;

    public static async Task<int> RunAsync(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        var page = new Uri(baseAddress, PagePath);
        var circuits = new List<HeadlessCircuit>();
        string? line;
        while ((line = await Console.In.ReadLineAsync()) is not null)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (parts.FirstOrDefault())
            {
                case "warm":
                    var signIn = await SignIn.TrySignInAsync(http, Coordinator, CtmsAppFactory.DemoPassword);
                    if (signIn.StatusCode != HttpStatusCode.Redirect)
                    {
                        throw new InvalidOperationException($"Sign-in failed: {(int)signIn.StatusCode}");
                    }

                    for (var i = 0; i < 3; i++)
                    {
                        PrerenderedPage.Parse(await http.GetStringAsync(page));
                    }

                    Reply(new { signedIn = true });
                    break;
                case "open":
                    Reply(await OpenAsync(http, cookies, page, circuits, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                case "click":
                    Reply(await ClickAsync(circuits, TimeSpan.FromSeconds(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))));
                    break;
                case "quit":
                    await Task.WhenAll(circuits.Select(c => c.DisposeAsync().AsTask()));
                    return 0;
                default:
                    throw new InvalidOperationException("Unknown command: " + line);
            }
        }

        return 0;
    }

    private static async Task<object> OpenAsync(HttpClient http, CookieContainer cookies, Uri page, List<HeadlessCircuit> circuits, int total)
    {
        var watch = Stopwatch.StartNew();
        var opened = new ConcurrentBag<HeadlessCircuit>();
        var failures = 0;
        var wanted = Math.Max(0, total - circuits.Count);
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, OpenConcurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) <= wanted)
            {
                try
                {
                    opened.Add(await HeadlessCircuit.StartAsync(http, cookies, page, ClickTestId));
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    HeadlessCircuit.Errors.Enqueue("open: " + e.Message);
                }
            }
        })));
        circuits.AddRange(opened);
        return new { open = circuits.Count, live = circuits.Count(c => c.IsConnected), failures, seconds = watch.Elapsed.TotalSeconds, errors = HeadlessCircuit.Errors.Take(5), jsCalls = HeadlessCircuit.JsCalls };
    }

    /// <summary>Each circuit clicks on its own one-second beat (phases spread over the second), never two clicks in flight.</summary>
    private static async Task<object> ClickAsync(List<HeadlessCircuit> circuits, TimeSpan duration)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(circuits.Select((circuit, i) => Task.Run(async () =>
        {
            var beat = Stopwatch.GetTimestamp() + (long)((double)i / circuits.Count * Stopwatch.Frequency);
            while (beat < end)
            {
                var wait = TimeSpan.FromSeconds((double)(beat - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                try
                {
                    latencies.Add(await circuit.ClickAsync());
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    HeadlessCircuit.Errors.Enqueue("click: " + e.Message);
                }

                // A late beat is skipped, not made up: the offered load stays one click a second at most.
                beat += Stopwatch.Frequency;
                while (beat < Stopwatch.GetTimestamp())
                {
                    beat += Stopwatch.Frequency;
                }
            }
        })));
        var sorted = latencies.ToArray();
        return new
        {
            clicks = sorted.Length,
            live = circuits.Count(c => c.IsConnected),
            failures,
            clicksPerSecond = sorted.Length / duration.TotalSeconds,
            p50 = Measurement.Stats.Median(sorted),
            p95 = Measurement.Stats.P95(sorted),
            max = sorted.Length == 0 ? double.NaN : sorted.Max(),
            errors = HeadlessCircuit.Errors.Take(5),
        };
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static void Reply(object value) => Console.Out.WriteLine("@" + JsonSerializer.Serialize(value, Json));
}
