using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using Ctms.SiteSync.Consumers;
using Ctms.SiteSync.Features.SyncStatus;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.SiteSync;

/// <summary>The SiteSync module's only public entry point.</summary>
public static class SiteSyncModule
{
    public const string Name = "sitesync";

    public static IServiceCollection AddSiteSyncModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SiteSyncDbContext>(SiteSyncDbContext.SchemaName);
        services.AddSingleton(sp => SiteSyncSettings.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SiteLocks>();
        services.AddSingleton<SiteSyncSignal>();
        services.AddSingleton<SiteTenants>();
        services.AddScoped<SiteMessageProcessor>();
        services.AddScoped<ActingStaff>();
        services.AddHostedService<SiteGateway>();
        services.AddModuleConsumer<VisitScheduleUpdatedConsumer>(Name);
        services.AddModuleConsumer<IrbApprovalRecognizedConsumer>(Name);
        services.AddModuleConsumer<IrbApprovalLapsedConsumer>(Name);
        services.AddModuleConsumer<ProtocolAndConsentConsumer>(Name);
        services.AddQueryHandler<SyncStatusQuery, IReadOnlyList<SiteSyncStatus>, SyncStatusHandler>();
        services.AddScoped<IValidator<ReplaySiteMessage>, ReplaySiteMessageValidator>();
        services.AddCommandHandler<ReplaySiteMessage, bool, ReplaySiteMessageHandler>();
        return services;
    }
}
