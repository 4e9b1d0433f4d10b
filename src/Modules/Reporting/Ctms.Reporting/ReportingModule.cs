using Ctms.Reporting.Consumers;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.SponsorDashboard;
using Ctms.Reporting.Persistence;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Reporting;

/// <summary>The Reporting module's only public entry point.</summary>
public static class ReportingModule
{
    public const string Name = "reporting";

    public static IServiceCollection AddReportingModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<ReportingDbContext>(ReportingDbContext.SchemaName);
        services.AddScoped<IReportingQueries, ReportingQueries>();
        services.AddSingleton<ReportingChangeFeed>();
        services.AddModuleConsumer<SubjectEnrolledConsumer>(Name);
        services.AddQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>, SponsorDashboardHandler>();
        return services;
    }
}
