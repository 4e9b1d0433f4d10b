using Ctms.Shared.Persistence;
using Ctms.SiteSync.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.SiteSync;

/// <summary>The SiteSync module's only public entry point.</summary>
public static class SiteSyncModule
{
    public static IServiceCollection AddSiteSyncModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SiteSyncDbContext>(SiteSyncDbContext.SchemaName);
        return services;
    }
}
