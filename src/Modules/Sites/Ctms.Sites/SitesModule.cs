using Ctms.Shared.Seeding;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using Ctms.Shared.Signatures;
using Ctms.Sites.Consumers;
using Ctms.Sites.Contracts;
using Ctms.Sites.Features.Api;
using Ctms.Sites.Features.CreateSite;
using Ctms.Sites.Features.Delegation;
using Ctms.Sites.Features.SeedDemo;
using Ctms.Sites.Features.SiteActions;
using Ctms.Sites.Features.SitePage;
using Ctms.Sites.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Sites;

/// <summary>The Sites module's only public entry point.</summary>
public static class SitesModule
{
    public const string Name = "sites";

    public static IServiceCollection AddSitesModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SitesDbContext>(SitesDbContext.SchemaName);
        services.AddScoped<ISitesQueries, SitesQueries>();
        services.AddScoped<IDemoSeeder, SitesDemoSeeder>();
        services.AddScoped<IDemoSeeder, DelegationDemoSeeder>();
        services.AddScoped<IScaleSeeder, Features.SeedScale.SitesScaleSeeder>();
        services.AddModuleConsumer<UserAccountCreatedConsumer>(Name);
        services.AddModuleConsumer<IrbApprovalGrantedConsumer>(Name);
        services.AddValidatorsFromAssemblyContaining<CreateSiteValidator>(includeInternalTypes: true);
        services.AddCommandHandler<CreateSiteCommand, Guid, CreateSiteHandler>();
        services.AddCommandHandler<ChangeSiteStatusCommand, string, SiteActionHandlers>();
        services.AddCommandHandler<ActivateSiteCommand, string, SiteActionHandlers>();
        services.AddCommandHandler<RecordMilestoneCommand, Guid, SiteActionHandlers>();
        services.AddCommandHandler<AddStaffMemberCommand, Guid, DelegationHandlers>();
        services.AddCommandHandler<RecordTrainingCommand, Guid, DelegationHandlers>();
        services.AddCommandHandler<AddDelegationCommand, Guid, DelegationHandlers>();
        services.AddCommandHandler<EditDelegationCommand, Guid, DelegationHandlers>();
        services.AddCommandHandler<EndDelegationCommand, Guid, DelegationHandlers>();
        services.AddCommandHandler<SignDelegationCommand, SignatureManifestation, DelegationHandlers>();
        services.AddQueryHandler<SiteViewQuery, SiteView, SiteViewHandler>();
        services.AddQueryHandler<TrialSitesQuery, TrialSitesView, TrialSitesHandler>();
        return services;
    }

    /// <summary>The sites API (read-only): <c>/api/v1/trials/{trialId}/sites</c> and <c>/api/v1/sites/{siteId}</c> with its ETag.</summary>
    public static IEndpointRouteBuilder MapSitesEndpoints(this IEndpointRouteBuilder app)
    {
        SitesEndpoints.Map(app);
        return app;
    }
}
