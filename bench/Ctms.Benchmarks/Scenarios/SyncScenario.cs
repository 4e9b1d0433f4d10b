using System.Diagnostics;
using System.Globalization;
using Ctms.Benchmarks.Measurement;
using Ctms.Benchmarks.Sync;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using RabbitMQ.Client;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// Site events end to end: raw JSON published by three sites (as their own RabbitMQ users, with confirms) → the
/// gateway → the Subjects module's commands → outcome and answer stored and the answer published; against
/// <see cref="RawRabbitRoundTrip"/> on the same broker, runs interleaved. PostgreSQL, real RabbitMQ, a fresh vhost.
/// </summary>
internal static class SyncScenario
{
    private const double GoalEventsPerSecond = 3000;
    private const double GoalRatio = 0.3;
    private const ushort RawPrefetch = 64;

    /// <summary>Seoul oncology and cardiology (the demo coordinator) and Busan oncology (its coordinator): each delegated at its site.</summary>
    private static readonly (Guid SiteId, string EnteredBy)[] DemoSites =
    [
        (DemoIds.SiteOncologySeoul, "coordinator@demo.ctms"),
        (DemoIds.SiteCardiologySeoul, "coordinator@demo.ctms"),
        (DemoIds.SiteOncologyBusan, "coordinator.busan@demo.ctms"),
    ];

    private sealed record Run(int Messages, double Seconds, double EventsPerSecond, double CpuSecondsPer1000)
    {
        /// <summary>EF Core queries and SaveChanges per event over all modules (the benchmark's own polling left out).</summary>
        public Dictionary<string, double>? DatabasePerEvent { get; init; }
    }

    public static async Task RunAsync(bool quick)
    {
        // --quick stays under 2 minutes on a loaded 2-core machine: its messages at a few events/s are most of its time.
        var (perSite, perRun, runs, warmUp) = quick ? (6, 90, 2, 20) : (15, 600, 3, 120);
        var lanes = Environment.GetEnvironmentVariable("CTMS_BENCH_SUBJECT_LANES") ?? "4";
        using var counters = new EfCoreCounters();
        await using var backend = await TestBackend.PostgresRabbitAsync();
        var rabbit = backend.Rabbit!;
        var sites = new List<BenchSite>();
        foreach (var (siteId, enteredBy) in DemoSites)
        {
            sites.Add(await BenchSite.AddAsync(rabbit, siteId, enteredBy));
        }

        var settings = new Dictionary<string, string?>
        {
            ["SiteSync:Gateway:Enabled"] = "true",
            ["SiteSync:Gateway:RequireDelegation"] = "true",
            ["SiteSync:Gateway:SubjectLanes"] = lanes,
            ["Logging:LogLevel:Default"] = "Warning",
            // Reporting's consumers race on first insert of a subject's fact row and retry (its own issue, not in the measured
            // path); logging every retry's stack trace would cost this process more CPU than the retries themselves.
            ["Logging:LogLevel:MassTransit"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Critical",
        };
        foreach (var site in sites)
        {
            settings[$"SiteSync:Sites:{site.Code}"] = site.SiteId.ToString();
        }

        await using var app = new CtmsAppFactory(backend, settings);
        _ = app.Server;
        await EnrolledSubjects.RaiseTargetsAsync(app);
        var prepared = Stopwatch.StartNew();
        var subjects = await EnrolledSubjects.EnrollAsync(app, sites, perSite);
        Console.WriteLine($"sync: {subjects.Count} subjects enrolled at {sites.Count} sites in {prepared.Elapsed.TotalSeconds:F0} s");

        var traffic = new SyncTraffic(sites, subjects);
        var links = new Dictionary<string, (IConnection Connection, ConfirmedPublisher Publisher)>();
        foreach (var site in sites)
        {
            var connection = await site.ConnectAsync(rabbit);
            links[site.Code] = (connection, await ConfirmedPublisher.OpenAsync(connection, site.User));
        }

        await using var raw = await RawRabbitRoundTrip.OpenAsync(rabbit, sites, RawPrefetch);
        var finished = 0;
        async Task<Run> GatewayRunAsync(IReadOnlyList<OutgoingMessage> messages)
        {
            finished += messages.Count;
            var (before, probeBefore) = (counters.Snapshot(), GatewayProbe.Queries);
            var run = await TimedAsync(messages.Count, async () =>
            {
                await Task.WhenAll(messages.GroupBy(m => m.Site.Code).Select(g => links[g.Key].Publisher.PublishAsync(g.First().Site.InboundExchange, g)));
                await GatewayProbe.UntilDoneAsync(app, finished, TimeSpan.FromMinutes(10));
            });
            var after = counters.Snapshot().ToDictionary(c => c.Key, c => c.Key == "queries" ? c.Value - (GatewayProbe.Queries - probeBefore) : c.Value);
            await GatewayProbe.SubjectsOutboxDrainedAsync(app);
            return run with { DatabasePerEvent = EfCoreCounters.PerOperation(before, after, messages.Count) };
        }

        Task<Run> RawRunAsync(IReadOnlyList<OutgoingMessage> messages) => TimedAsync(messages.Count, () => raw.RunAsync(messages));

        var warm = traffic.Next(warmUp);
        await GatewayRunAsync(warm);
        await RawRunAsync(warm);
        var gatewayRuns = new List<Run>();
        var rawRuns = new List<Run>();
        for (var run = 0; run < runs; run++)
        {
            var messages = traffic.Next(perRun);
            gatewayRuns.Add(await GatewayRunAsync(messages));
            rawRuns.Add(await RawRunAsync(messages));
            Console.WriteLine($"sync: run {run + 1}: gateway {gatewayRuns[^1].EventsPerSecond:F0} events/s, {gatewayRuns[^1].CpuSecondsPer1000:F2} CPU-s/1k, " +
                $"db per event {string.Join(", ", gatewayRuns[^1].DatabasePerEvent!.Select(d => $"{d.Key} {d.Value}"))}; raw {rawRuns[^1].EventsPerSecond:F0} msg/s");
        }

        var (accepted, rejected, parked) = await GatewayProbe.OutcomesAsync(app);
        if (rejected > 0)
        {
            Console.WriteLine("sync: rejections: " + string.Join(" | ", await GatewayProbe.SomeRejectionsAsync(app, 5)));
        }

        foreach (var (connection, publisher) in links.Values)
        {
            await publisher.Channel.DisposeAsync();
            await connection.DisposeAsync();
        }

        foreach (var site in sites)
        {
            await site.RemoveAsync(rabbit);
        }

        var events = Stats.Median(gatewayRuns.Select(r => r.EventsPerSecond));
        var rawRate = Stats.Median(rawRuns.Select(r => r.EventsPerSecond));
        var ratio = events / rawRate;
        var perEvent = gatewayRuns[^1].DatabasePerEvent!;
        var mix = string.Join(", ", traffic.Mix.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"));
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{runs} runs of {perRun} messages, {sites.Count} sites, {subjects.Count} enrolled subjects: gateway {events:F0} events/s, " +
            $"{Stats.Median(gatewayRuns.Select(r => r.CpuSecondsPer1000)):F2} CPU-s/1k, " +
            $"{perEvent.GetValueOrDefault("queries")} EF queries + {perEvent.GetValueOrDefault("savechanges")} SaveChanges per event, {lanes} subject lanes per site; raw publish+consume {rawRate:F0} msg/s, " +
            $"{Stats.Median(rawRuns.Select(r => r.CpuSecondsPer1000)):F2} CPU-s/1k; outcomes {accepted} accepted, {rejected} rejected, {parked} parked");
        await ResultWriter.WriteAsync("sync", quick,
            new { perSite, perRun, runs, warmUp, subjectLanes = lanes, mix = traffic.Mix, gateway = gatewayRuns, raw = rawRuns, accepted, rejected, parked },
            [new Finding($"PostgreSQL, RabbitMQ (quorum), {sites.Count} sites, {lanes} subject lane(s) per site; ratio = gateway events/s ÷ raw msg/s; mix {mix}", figures, ratio,
                $"≥ {GoalEventsPerSecond:F0} events/s and ≥ {GoalRatio} of raw", events >= GoalEventsPerSecond && ratio >= GoalRatio && rejected == 0)]);
    }

    private static async Task<Run> TimedAsync(int messages, Func<Task> work)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await work();
        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new Run(messages, wall.Elapsed.TotalSeconds, messages / wall.Elapsed.TotalSeconds, cpu / messages * 1000);
    }
}
