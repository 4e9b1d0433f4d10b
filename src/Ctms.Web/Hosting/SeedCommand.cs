using System.Diagnostics;
using Ctms.Shared.Persistence;
using Ctms.Shared.Seeding;
using Ctms.Shared.Time;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Ctms.Web.Hosting;

/// <summary>
/// <c>Ctms.Web seed --tier XS|S|M [--force] [settings…]</c>: migrates the configured database, then writes the scale
/// data set of the tier (docs/performance.md) through every module's own seeder, prints what each wrote and how long it
/// took, and exits 0 (1 when refused or failed). It refuses a database holding data other than the demo's and earlier
/// scale data unless <c>--force</c>, and always in Production. Re-running a tier replaces that tier's rows.
/// </summary>
internal static class SeedCommand
{
    public static bool Matches(string[] args) => args.Length >= 1 && args[0] == "seed";

    /// <summary>The arguments left for the host's configuration once the command's own are taken out.</summary>
    public static string[] HostArgs(string[] args)
    {
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            if (args[i] == "--tier")
            {
                i++;
            }
            else if (args[i] != "--force")
            {
                rest.Add(args[i]);
            }
        }

        return [.. rest];
    }

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, IHostEnvironment environment, TextWriter output)
    {
        var tierIndex = Array.IndexOf(args, "--tier");
        var tier = ScaleTier.Find(tierIndex >= 0 && tierIndex + 1 < args.Length ? args[tierIndex + 1] : null);
        if (tier is null)
        {
            output.WriteLine($"Usage: seed --tier {string.Join("|", ScaleTier.All.Select(t => t.Name))} [--force]");
            return 1;
        }

        if (environment.IsProduction())
        {
            output.WriteLine("The scale data set is generated test data: seed refuses to run in Production.");
            return 1;
        }

        var result = await SeedTierAsync(services, tier, args.Contains("--force"), output);
        return result.ExitCode;
    }

    /// <summary>The command's work, also used by the dashboard benchmark: migrate, check, replace the tier's rows, analyze.</summary>
    public static async Task<ScaleSeedResult> SeedTierAsync(IServiceProvider services, ScaleTier tier, bool force, TextWriter output)
    {
        var parts = new List<ScaleSeedPart>();
        try
        {
            var total = Stopwatch.StartNew();
            await services.PrepareDatabaseAsync(CancellationToken.None);
            await using var scope = services.CreateAsyncScope();
            var seeders = scope.ServiceProvider.GetServices<IScaleSeeder>().OrderBy(s => s.Order).ToList();
            var other = 0;
            foreach (var seeder in seeders)
            {
                other += await seeder.CountOtherDataAsync(CancellationToken.None);
            }

            if (other > 0 && !force)
            {
                output.WriteLine($"The database holds {other} rows of data other than the demo's and the scale data sets; run with --force to seed anyway.");
                return new ScaleSeedResult(1, parts, total.Elapsed);
            }

            var plan = new ScalePlan(tier, UtcDates.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>()));
            output.WriteLine($"Seeding tier {tier.Name}: {tier.Trials} trials, {tier.Sites} sites, {tier.Subjects} subjects.");
            foreach (var seeder in Enumerable.Reverse(seeders))
            {
                await seeder.RemoveAsync(plan, CancellationToken.None);
            }

            foreach (var seeder in seeders)
            {
                var part = await seeder.SeedAsync(plan, CancellationToken.None);
                parts.Add(part);
                output.WriteLine($"{part.Module,-10} {part.Elapsed.TotalSeconds,7:F1} s  " +
                                 string.Join(", ", part.Rows.Select(r => $"{r.Key} {r.Value:N0}")));
            }

            await AnalyzeAsync(services.GetRequiredService<DatabaseSettings>());
            output.WriteLine($"Tier {tier.Name} seeded in {total.Elapsed.TotalSeconds:F1} s.");
            return new ScaleSeedResult(0, parts, total.Elapsed);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            output.WriteLine($"Seeding failed: {ex.Message}");
            return new ScaleSeedResult(1, parts, TimeSpan.Zero);
        }
    }

    /// <summary>Fresh statistics after a bulk load, so the planners pick the dashboard indexes at once.</summary>
    private static async Task AnalyzeAsync(DatabaseSettings settings)
    {
        System.Data.Common.DbConnection? connection = settings.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnection(settings.ConnectionString),
            DatabaseProvider.PostgreSql => new NpgsqlConnection(settings.ConnectionString),
            _ => null,
        };
        if (connection is null)
        {
            return;
        }

        await using (connection)
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "ANALYZE";
            command.CommandTimeout = 600;
            await command.ExecuteNonQueryAsync();
        }
    }
}

/// <summary>The exit code, what each module wrote and the total time.</summary>
internal sealed record ScaleSeedResult(int ExitCode, IReadOnlyList<ScaleSeedPart> Parts, TimeSpan Elapsed);
