using Ctms.Shared.Audit;
using Ctms.Shared.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ctms.Shared.Persistence;

public static class ModuleDbContextRegistration
{
    /// <summary>
    /// Registers a module's DbContext on the configured provider, with its migrations in the provider's
    /// migrations assembly, its own migrations-history table, and the outbox wake-up interceptor.
    /// Also registers the module's outbox relay. The audit interceptor writes the module's hash-chained audit
    /// trail, and an <see cref="IAuditTrailSource"/> lets the audit viewer and verification read it.
    /// </summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, string schema)
        where TContext : DbContext, IModuleDbContext
    {
        services.AddDbContext<TContext>((sp, options) =>
        {
            var settings = sp.GetRequiredService<DatabaseSettings>();
            Configure(options, settings, schema);
            options.AddInterceptors(sp.GetRequiredService<OutboxWakeUpInterceptor>(), sp.GetRequiredService<AuditInterceptor>());
        });
        services.TryAddScoped<IAuditReason, AuditReason>();
        services.TryAddScoped<AuditInterceptor>();
        services.TryAddScoped<AuditTrail>();
        services.AddScoped<IAuditTrailSource>(sp => new AuditTrailSource<TContext>(sp.GetRequiredService<TContext>(), schema));
        services.AddSingleton<IMigratableContext>(new MigratableContext<TContext>(schema));
        services.AddHostedService<OutboxRelay<TContext>>();
        return services;
    }

    /// <summary>Provider setup shared by the host and the design-time factories of the migrations projects.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseSettings settings, string schema)
    {
        switch (settings.Provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(settings.ConnectionString, o => o
                    .MigrationsAssembly(settings.MigrationsAssembly)
                    .MigrationsHistoryTable($"{schema}___EFMigrationsHistory"));
                options.AddInterceptors(SqliteConnectionPragmas.Instance);
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(settings.ConnectionString, o => o
                    .MigrationsAssembly(settings.MigrationsAssembly)
                    .MigrationsHistoryTable("__EFMigrationsHistory", schema)
                    .EnableRetryOnFailure(3));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(settings.ConnectionString, o => o
                    .MigrationsAssembly(settings.MigrationsAssembly)
                    .MigrationsHistoryTable("__EFMigrationsHistory", schema)
                    .EnableRetryOnFailure(3));
                break;
            default:
                throw new InvalidOperationException($"Unsupported provider {settings.Provider}.");
        }

        options.ReplaceService<IModelCacheKeyFactory, ProviderAwareModelCacheKeyFactory>();
        // Migrate() otherwise builds the design-time model and diffs it with the snapshot on every start (about a
        // second per context cold); MigrationsCoverModelTests makes the same check in the build instead.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return options;
    }
}
