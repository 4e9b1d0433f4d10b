using Ctms.Shared.Demo;
using Ctms.Shared.Persistence;
using Ctms.Trials.Contracts;
using Ctms.Trials.Features.SeedDemo;
using Ctms.Trials.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Trials;

/// <summary>The Trials module's only public entry point.</summary>
public static class TrialsModule
{
    public static IServiceCollection AddTrialsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<TrialsDbContext>(TrialsDbContext.SchemaName);
        services.AddScoped<ITrialsQueries, TrialsQueries>();
        services.AddScoped<IDemoSeeder, TrialsDemoSeeder>();
        return services;
    }
}
