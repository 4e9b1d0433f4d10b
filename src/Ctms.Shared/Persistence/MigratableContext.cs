using Microsoft.EntityFrameworkCore;
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

    public Task MigrateAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TContext>().Database.MigrateAsync(cancellationToken);

    public Task<bool> CanConnectAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<TContext>().Database.CanConnectAsync(cancellationToken);
}
