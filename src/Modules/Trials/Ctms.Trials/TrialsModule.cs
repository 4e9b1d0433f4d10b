using Ctms.Shared.Seeding;
using Ctms.Shared.Demo;
using Ctms.Shared.Documents;
using Ctms.Shared.Handlers;
using Ctms.Shared.Persistence;
using Ctms.Trials.Contracts;
using Ctms.Trials.Features.Api;
using Ctms.Trials.Features.ChangeStatus;
using Ctms.Trials.Features.EditTrial;
using Ctms.Trials.Features.ProtocolVersions;
using Ctms.Trials.Features.RegisterTrial;
using Ctms.Trials.Features.SeedDemo;
using Ctms.Trials.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
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
        services.AddScoped<IScaleSeeder, Features.SeedScale.TrialsScaleSeeder>();
        services.AddLocalDocumentStore();
        services.AddValidatorsFromAssemblyContaining<RegisterTrialValidator>(includeInternalTypes: true);
        services.AddCommandHandler<RegisterTrialCommand, RegisteredTrial, RegisterTrialHandler>();
        services.AddCommandHandler<EditTrialCommand, Guid, EditTrialHandler>();
        services.AddCommandHandler<ChangeTrialStatusCommand, string, ChangeTrialStatusHandler>();
        services.AddCommandHandler<SaveScheduleCommand, Guid, ProtocolVersionHandlers>();
        services.AddCommandHandler<SaveCriteriaCommand, Guid, ProtocolVersionHandlers>();
        services.AddCommandHandler<AddConsentVersionCommand, Guid, ProtocolVersionHandlers>();
        services.AddCommandHandler<RemoveConsentVersionCommand, Guid, ProtocolVersionHandlers>();
        services.AddCommandHandler<SubmitProtocolVersionCommand, Guid, ProtocolVersionHandlers>();
        services.AddCommandHandler<AmendProtocolCommand, Guid, ProtocolVersionHandlers>();
        services.AddQueryHandler<TrialViewQuery, TrialView, TrialViewHandler>();
        return services;
    }

    /// <summary>The trials API: <c>/api/v1/trials</c> (list, read with ETag, update with If-Match).</summary>
    public static IEndpointRouteBuilder MapTrialsEndpoints(this IEndpointRouteBuilder app)
    {
        TrialsEndpoints.Map(app);
        return app;
    }
}
