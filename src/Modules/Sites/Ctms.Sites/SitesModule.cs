using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Sites.Contracts;
using Ctms.Sites.Features.SeedDemo;
using Ctms.Sites.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Sites;

/// <summary>The Sites module's only public entry point.</summary>
public static class SitesModule
{
    public static IServiceCollection AddSitesModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SitesDbContext>(SitesDbContext.SchemaName);
        services.AddScoped<ISitesQueries, SitesQueries>();
        services.AddScoped<IDemoSeeder, SitesDemoSeeder>();
        return services;
    }
}
