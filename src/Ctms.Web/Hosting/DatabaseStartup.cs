using System.Diagnostics;
using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Microsoft.Data.Sqlite;

namespace Ctms.Web.Hosting;

internal static class DatabaseStartup
{
    /// <summary>Migrates every module context (unless turned off), then seeds the demo data when asked.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ctms.Startup");

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            EnableWriteAheadLog(settings.ConnectionString);
        }

        await using var scope = services.CreateAsyncScope();
        if (settings.MigrateOnStartup)
        {
            var watch = Stopwatch.StartNew();
            foreach (var context in scope.ServiceProvider.GetServices<IMigratableContext>())
            {
                var step = Stopwatch.StartNew();
                await context.MigrateAsync(scope.ServiceProvider, cancellationToken);
                logger.LogDebug("{Context} migrated in {Elapsed} ms", context.ContextType.Name, step.ElapsedMilliseconds);
            }

            logger.LogInformation("Database ({Provider}) migrated in {Elapsed} ms", settings.Provider, watch.ElapsedMilliseconds);
        }

        if (!bool.TryParse(configuration["Seed:Demo"], out var seed) || seed)
        {
            var watch = Stopwatch.StartNew();
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoSeeder>().OrderBy(s => s.Order))
            {
                var step = Stopwatch.StartNew();
                await seeder.SeedAsync(cancellationToken);
                logger.LogDebug("{Seeder} done in {Elapsed} ms", seeder.GetType().Name, step.ElapsedMilliseconds);
            }

            logger.LogInformation("Demo data checked or seeded in {Elapsed} ms", watch.ElapsedMilliseconds);
        }
    }

    /// <summary>WAL lets readers work while one writer commits; it is a property of the file, so set once.</summary>
    private static void EnableWriteAheadLog(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }
}
