using System.Diagnostics;
using System.Globalization;
using Ctms.Benchmarks.Measurement;
using Ctms.IntegrationTests.Support;
using Ctms.Reporting.Features.SponsorDashboard;
using Ctms.Reporting.Features.TrialDashboard;
using Ctms.Shared.Handlers;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Ctms.Shared.Time;
using Ctms.Web.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// The sponsor's dashboards on a generated data set: the trial dashboard's handler (every query the page runs, as the page
/// runs it: one circuit scope, the injected handler called again and again) over every trial of the tier, and the
/// portfolio's, against <see cref="RawDashboard"/> (the same figures by hand-written SQL) on the same database, interleaved.
/// Full: tier M seeded into a fresh SQLite file and a fresh PostgreSQL database (the load times are recorded too). Quick:
/// tier S, seeded once into a cached file and database under the temp folder and reused by later quick runs.
/// </summary>
internal static class DashboardScenario
{
    private const double GoalMs = 100;
    private const string Sponsor = "sponsor@demo.ctms";

    public static async Task RunAsync(bool quick)
    {
        var tier = quick ? ScaleTier.S : ScaleTier.M;
        var (rounds, portfolioSamples) = quick ? (6, 8) : (2, 10);
        var findings = new List<Finding>();
        var details = new List<object>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            var name = provider == DatabaseProvider.Sqlite ? "SQLite (WAL)" : "PostgreSQL";
            var (settings, cleanup, cached, marker) = await DatabaseAsync(provider, tier, quick);
            try
            {
                await using var backend = await TestBackend.SqliteInMemoryBusAsync();
                await using var app = new CtmsAppFactory(backend, settings);
                _ = app.Server;
                var seeded = await SeedAsync(app, tier, cached);
                if (quick && seeded is not null)
                {
                    await File.WriteAllTextAsync(marker, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                }

                await using var scope = await app.UserScopeAsync(Sponsor);
                var trialDashboard = scope.ServiceProvider.GetRequiredService<IQueryHandler<TrialDashboardQuery, TrialDashboard>>();
                var portfolio = scope.ServiceProvider.GetRequiredService<IQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>>>();
                var raw = new RawDashboard(app.Services.GetRequiredService<DatabaseSettings>());
                var today = UtcDates.Today(app.Services.GetRequiredService<TimeProvider>());
                var trials = new ScalePlan(tier, today).Trials.Select(t => t.Id).ToList();

                Func<Guid, Task> handler = async id => Check((await trialDashboard.HandleAsync(new TrialDashboardQuery(id))).IsSuccess);
                Func<Guid, Task> baseline = id => raw.TrialAsync(id, today);
                var (trialMs, rawMs) = await InterleavedAsync(trials, 1, handler, baseline);
                (trialMs, rawMs) = await InterleavedAsync(trials, rounds, handler, baseline);
                Func<Guid, Task> portfolioHandler = async _ => Check((await portfolio.HandleAsync(new SponsorDashboardQuery())).IsSuccess);
                Func<Guid, Task> portfolioBaseline = _ => raw.PortfolioAsync(ScalePlan.TenantId, today);
                await InterleavedAsync([Guid.Empty], 2, portfolioHandler, portfolioBaseline);
                var (portfolioMs, rawPortfolioMs) = await InterleavedAsync([Guid.Empty], portfolioSamples, portfolioHandler, portfolioBaseline);

                findings.Add(Latency($"{name}, trial dashboard, tier {tier.Name} ({trials.Count} trials)", trialMs, rawMs));
                findings.Add(Latency($"{name}, portfolio, tier {tier.Name} ({trials.Count + 2} trials)", portfolioMs, rawPortfolioMs));
                if (seeded is not null)
                {
                    var parts = string.Join(", ", seeded.Parts.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Module} {p.Elapsed.TotalSeconds:F0} s")));
                    var figures = string.Create(CultureInfo.InvariantCulture,
                        $"{seeded.Elapsed.TotalSeconds:F0} s in all: {parts}; {seeded.Parts.Sum(p => p.Rows.Values.Sum()):N0} rows");
                    findings.Add(new Finding($"{name}, seed tier {tier.Name}", figures, seeded.Elapsed.TotalMinutes, "loads in minutes (ratio = minutes)",
                        seeded.Elapsed.TotalMinutes < 10));
                }

                details.Add(new
                {
                    database = name,
                    tier = tier.Name,
                    cached,
                    seedSeconds = seeded?.Elapsed.TotalSeconds,
                    seedParts = seeded?.Parts.Select(p => new { p.Module, seconds = p.Elapsed.TotalSeconds, p.Rows }),
                    trialDashboardMs = trialMs,
                    rawTrialMs = rawMs,
                    portfolioMs,
                    rawPortfolioMs,
                });
            }
            finally
            {
                await cleanup();
            }
        }

        await ResultWriter.WriteAsync("dashboard", quick, details, findings);
    }

    private static void Check(bool succeeded)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("The dashboard query was refused: the benchmark must measure a successful load.");
        }
    }

    private static Finding Latency(string name, List<double> handler, List<double> raw)
    {
        var p95 = Stats.P95(handler);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"handler p50 {Stats.Median(handler):F1} ms, p95 {p95:F1} ms; raw SQL p50 {Stats.Median(raw):F1} ms, p95 {Stats.P95(raw):F1} ms; {handler.Count} loads");
        return new Finding(name, figures, p95 / Stats.P95(raw), $"p95 ≤ {GoalMs:F0} ms (ratio = p95 / raw p95)", p95 <= GoalMs);
    }

    /// <summary>Each round loads every trial once with the handler, then with the baseline, so drift hits both alike.</summary>
    private static async Task<(List<double> Handler, List<double> Raw)> InterleavedAsync(IReadOnlyList<Guid> trials, int rounds, Func<Guid, Task> handler,
        Func<Guid, Task> raw)
    {
        var handlerMs = new List<double>();
        var rawMs = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var trial in trials)
            {
                var watch = Stopwatch.StartNew();
                await handler(trial);
                handlerMs.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                await raw(trial);
                rawMs.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (handlerMs, rawMs);
    }

    private static async Task<ScaleSeedResult?> SeedAsync(CtmsAppFactory app, ScaleTier tier, bool cached)
    {
        if (cached)
        {
            Console.WriteLine($"dashboard: reusing the cached tier {tier.Name} database.");
            return null;
        }

        var result = await SeedCommand.SeedTierAsync(app.Services, tier, force: false, Console.Out);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Seeding tier {tier.Name} failed (see above).");
        }

        return result;
    }

    /// <summary>
    /// The settings of the database to measure: a fresh one (dropped afterwards) for full runs; for quick runs a cached one,
    /// seeded on first use and then marked (cached = true: seeded already).
    /// </summary>
    private static async Task<(Dictionary<string, string?> Settings, Func<Task> Cleanup, bool Cached, string Marker)> DatabaseAsync(DatabaseProvider provider, ScaleTier tier, bool quick)
    {
        var cacheRoot = Path.Combine(Path.GetTempPath(), "ctms-bench-dashboard");
        var key = $"{tier.Name.ToLowerInvariant()}-{provider.ToString().ToLowerInvariant()}";
        var folder = quick ? Path.Combine(cacheRoot, key) : Path.Combine(Path.GetTempPath(), "ctms-bench-dashboard-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var marker = Path.Combine(folder, "seeded");
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataFolder"] = folder,
            ["Messaging:Transport"] = "InMemory",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Database:Provider"] = provider.ToString(),
        };
        Func<Task> cleanup = quick
            ? () => Task.CompletedTask
            : () =>
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            };
        if (provider == DatabaseProvider.Sqlite)
        {
            return (settings, cleanup, quick && File.Exists(marker), marker);
        }

        var admin = new NpgsqlConnectionStringBuilder(ExternalServices.Postgres
                                                      ?? throw new InvalidOperationException("CTMS_TEST_POSTGRES is not set (eval \"$(infra/local/services.sh env)\")."));
        var database = quick ? $"ctms_bench_dashboard_{tier.Name.ToLowerInvariant()}" : $"ctms_bench_dashboard_{Guid.NewGuid().ToString("N")[..8]}";
        var exists = Convert.ToInt32(await ScalarAsync(admin.ConnectionString, $"SELECT COUNT(*) FROM pg_database WHERE datname = '{database}'"),
            CultureInfo.InvariantCulture) > 0;
        if (!exists)
        {
            await ScalarAsync(admin.ConnectionString, $"CREATE DATABASE \"{database}\"");
        }

        settings["ConnectionStrings:Ctms"] = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = database }.ConnectionString;
        var dropAndDelete = cleanup;
        if (!quick)
        {
            cleanup = async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await ScalarAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
                await dropAndDelete();
            };
        }

        return (settings, cleanup, quick && exists && File.Exists(marker), marker);
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
