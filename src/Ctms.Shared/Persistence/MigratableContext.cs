using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Shared.Persistence;

/// <summary>One module context the host migrates at start, in registration order.</summary>
public interface IMigratableContext
{
    string Schema { get; }
    Type ContextType { get; }
    Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
    Task<bool> CanConnectAsync(IServiceProvider scopedServices, CancellationToken cancellationToken);
}

internal sealed class MigratableContext<TContext>(string schema) : IMigratableContext where TContext : DbContext
{
    public string Schema => schema;
    public Type ContextType => typeof(TContext);

    public async Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken)
    {
        var db = scopedServices.GetRequiredService<TContext>();
        // Npgsql learns that the history table is missing by running its SELECT and catching the failure, which EF Core
        // logs as an error: a false alarm for every module on every fresh database (dotnet/efcore#35690). An empty table
        // made first is what Migrate would make anyway; a database that does not exist yet is left to Migrate to create.
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(cancellationToken))
        {
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    public Task<bool> CanConnectAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TContext>().Database.CanConnectAsync(cancellationToken);
}
