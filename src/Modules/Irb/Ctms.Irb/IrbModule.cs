using Ctms.Irb.Contracts;
using Ctms.Irb.Features.SeedDemo;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Irb;

/// <summary>The Irb module's only public entry point.</summary>
public static class IrbModule
{
    public static IServiceCollection AddIrbModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<IrbDbContext>(IrbDbContext.SchemaName);
        services.AddScoped<IIrbQueries, IrbQueries>();
        services.AddScoped<IDemoSeeder, IrbDemoSeeder>();
        return services;
    }
}
