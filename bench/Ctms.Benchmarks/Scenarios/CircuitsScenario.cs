using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ctms.Benchmarks.Circuits;
using Ctms.Benchmarks.Measurement;
using Ctms.IntegrationTests.Support;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// N concurrent Blazor Server circuits on the coordinator home (<c>/coordinator</c>, signed in as the demo
/// coordinator). The host runs in this process on Kestrel (SQLite, in-memory bus), so a forced full GC here
/// measures the server; the headless circuits run in a child process (<see cref="CircuitClientProcess"/>).
/// Baseline: this process's heap with no circuit open, after the page has been served (same run). At each N:
/// heap after a forced GC, then every circuit clicks the menu button once a second and the time from
/// dispatch to the next render batch is taken. Two Chromium tabs join at the first N; the server's circuit
/// meter must count N + 2.
/// </summary>
internal static class CircuitsScenario
{
    private const double GoalKbPerCircuit = 250;
    private const double GoalP95Ms = 200;
    private const int GoalCircuits = 5000;
    private const int BrowserTabs = 2;

    public static async Task RunAsync(bool quick)
    {
        int[] counts = quick ? [20, 80, 160] : [100, 500, 1000, 5000];
        var clickSeconds = quick ? 4 : 20;
        using var counter = new CircuitCounter();
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var factory = new CtmsAppFactory(backend);
        factory.UseKestrel(0);
        factory.StartServer();
        var baseAddress = factory.ClientOptions.BaseAddress;
        await using var client = CircuitClientConnection.Start(baseAddress);
        await client.SendAsync("warm");
        var baselineBytes = Heap();

        var steps = new List<Step>();
        BrowserCheck? browserCheck = null;
        foreach (var n in counts)
        {
            var opened = await client.SendAsync($"open {n}");
            var open = opened.GetProperty("live").GetInt32();
            if (browserCheck is null)
            {
                browserCheck = await CheckWithBrowsersAsync(baseAddress, counter, open);
            }

            var heapBytes = Heap();
            var (activeBefore, connectedBefore) = (counter.Active, counter.Connected);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clicks = await client.SendAsync($"click {clickSeconds}");
            var serverCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            steps.Add(new Step(n, open, opened.GetProperty("failures").GetInt32(), opened.GetProperty("seconds").GetDouble(), activeBefore, connectedBefore,
                clicks.GetProperty("live").GetInt32(), serverCpu / clickSeconds,
                heapBytes, (heapBytes - baselineBytes) / 1024.0 / Math.Max(1, open),
                clicks.GetProperty("clicks").GetInt32(), clicks.GetProperty("failures").GetInt32(), clicks.GetProperty("clicksPerSecond").GetDouble(),
                clicks.GetProperty("p50").GetDouble(), clicks.GetProperty("p95").GetDouble(), serverCpu / Math.Max(1, clicks.GetProperty("clicks").GetInt32()) * 1000,
                opened.GetProperty("errors").Clone(), clicks.GetProperty("errors").Clone()));
            Console.WriteLine($"circuits: N={n} open {open} heap {heapBytes / 1048576.0:F1} MB, p95 {steps[^1].P95Ms:F0} ms");
            if (open < n / 2)
            {
                break; // the host cannot take more; larger N would only measure failures
            }
        }

        await HoldForInspectionAsync();
        var jsCalls = (await client.SendAsync("open 0")).GetProperty("jsCalls").Clone();
        await WriteAsync(quick, clickSeconds, baselineBytes, steps, browserCheck!, jsCalls);
    }

    /// <summary>
    /// <c>CTMS_BENCH_CIRCUITS_HOLD_SECONDS</c>: keeps the circuits of the largest N open that long after the last
    /// step, so a heap dump of this process (<c>dotnet-gcdump collect -p PID</c>) can show what a circuit holds.
    /// It comes after every figure is taken and changes none of them.
    /// </summary>
    private static async Task HoldForInspectionAsync()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("CTMS_BENCH_CIRCUITS_HOLD_SECONDS"), CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
        {
            return;
        }

        Console.WriteLine($"circuits: holding the circuits open for {seconds} s; process id {Environment.ProcessId}");
        await Task.Delay(TimeSpan.FromSeconds(seconds));
    }

    private static async Task<BrowserCheck> CheckWithBrowsersAsync(Uri baseAddress, CircuitCounter counter, int headless)
    {
        if (BrowserCircuits.Chromium is null)
        {
            return new BrowserCheck(headless, 0, counter.Active, null, "no Chromium installed: not checked");
        }

        await using var browsers = await BrowserCircuits.OpenAsync(baseAddress, BrowserTabs);
        var active = await Eventually.Until(() => Task.FromResult(counter.Active), a => a >= headless + BrowserTabs, "circuits counted by the server", TimeSpan.FromSeconds(30));
        return new BrowserCheck(headless, BrowserTabs, active, browsers.ClickHidesMenu,
            active == headless + BrowserTabs ? "server counts headless + browser circuits" : "server count differs from headless + browsers");
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task WriteAsync(bool quick, int clickSeconds, long baselineBytes, List<Step> steps, BrowserCheck browsers, JsonElement jsCalls)
    {
        var measured = steps.Where(s => s.Open > 0).ToList();
        var (slopeBytes, interceptBytes) = LinearFit(measured.Select(s => ((double)s.Open, (double)s.HeapBytes)).ToList());
        var kbPerCircuit = slopeBytes / 1024;
        var largest = measured.MaxBy(s => s.Open)!;
        var smallest = measured.MinBy(s => s.Open)!;
        var memoryFigures = string.Create(CultureInfo.InvariantCulture,
            $"slope {kbPerCircuit:F0} KB/circuit over N = {string.Join(", ", measured.Select(s => s.Open))}; heap {baselineBytes / 1048576.0:F1} MB at 0 circuits, " +
            $"{largest.HeapBytes / 1048576.0:F1} MB at {largest.Open}; {browsers.Describe()}");
        var latencyFigures = string.Join("; ", measured.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"N={s.Open}: p50 {s.P50Ms:F0} ms, p95 {s.P95Ms:F0} ms, {s.ClicksPerSecond:F0} clicks/s{(s.ClickFailures > 0 ? $", {s.ClickFailures} failed" : "")}, server {s.ServerCores:F2} cores, {s.ServerCpuMsPerClick:F1} CPU-ms/click{(s.LiveAfterClicks < s.Open ? $", {s.Open - s.LiveAfterClicks} circuits dropped" : "")}")));
        var tried = steps.Max(s => s.Requested);
        if (largest.Open < tried)
        {
            latencyFigures += string.Create(CultureInfo.InvariantCulture, $"; {tried} requested, {largest.Open} opened");
        }

        await ResultWriter.WriteAsync("circuits", quick,
            new { page = CircuitClientProcess.PagePath, clickSeconds, baselineBytes, slopeBytes, interceptBytes, browsers, steps, jsCallsAnswered = jsCalls },
            [
                new Finding("memory per circuit, /coordinator; ratio = heap at largest N ÷ heap at 0 circuits", memoryFigures,
                    (double)largest.HeapBytes / baselineBytes, "≤ 250 KB/circuit", kbPerCircuit <= GoalKbPerCircuit),
                new Finding("click-to-render, 1 click/s per circuit; ratio = p95 at largest N ÷ p95 at smallest N", latencyFigures,
                    largest.P95Ms / smallest.P95Ms, "≥ 5,000 circuits at p95 ≤ 200 ms",
                    largest.Open >= GoalCircuits && largest.P95Ms <= GoalP95Ms && largest.ClickFailures == 0),
            ]);
    }

    private static (double Slope, double Intercept) LinearFit(List<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return (double.NaN, double.NaN);
        }

        var (mx, my) = (points.Average(p => p.X), points.Average(p => p.Y));
        var slope = points.Sum(p => (p.X - mx) * (p.Y - my)) / points.Sum(p => (p.X - mx) * (p.X - mx));
        return (slope, my - (slope * mx));
    }

    /// <param name="Open">Circuits whose connection was open when the heap was measured (as the client sees them).</param>
    /// <param name="LiveAfterClicks">Of those, still connected after the click phase.</param>
    /// <param name="ServerCores">The benchmark process's (the host's) CPU time over the click phase ÷ its duration: the CPU the server got.</param>
    private sealed record Step(int Requested, int Open, int OpenFailures, double OpenSeconds, long ServerActiveCircuits, long ServerConnectedCircuits,
        int LiveAfterClicks, double ServerCores, long HeapBytes, double KbPerCircuitOverBaseline,
        int Clicks, int ClickFailures, double ClicksPerSecond, double P50Ms, double P95Ms, double ServerCpuMsPerClick, JsonElement OpenErrors, JsonElement ClickErrors);

    private sealed record BrowserCheck(int Headless, int Browsers, long ServerActive, bool? ClickHidesMenuInBrowser, string Verdict)
    {
        public string Describe() => Browsers == 0
            ? Verdict
            : string.Create(CultureInfo.InvariantCulture, $"check: {Headless} headless + {Browsers} Chromium tabs, server counted {ServerActive} circuits ({Verdict})");
    }
}
