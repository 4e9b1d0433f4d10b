using Ctms.Shared.Seeding;
using Ctms.Reporting.Consumers;
using Ctms.Reporting.Contracts;
using Ctms.Reporting.Features.Api;
using Ctms.Reporting.Features.Exports;
using Ctms.Reporting.Features.SponsorDashboard;
using Ctms.Reporting.Features.TrialDashboard;
using Ctms.Reporting.Persistence;
using Ctms.Reporting.Projections;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
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
        services.AddScoped<TrialDetailQueries>();
        services.AddSingleton<ReportingChangeFeed>();
        services.AddScoped<SubjectProjection>();
        services.AddScoped<VisitProjection>();
        services.AddScoped<SafetyProjection>();
        services.AddScoped<SiteProjection>();
        services.AddScoped<ReadModelRebuilder>();
        services.AddScoped<IScaleSeeder, Features.SeedScale.ReportingScaleSeeder>();
        services.AddScoped<FhirBundleExporter>();
        services.AddScoped<OdmExporter>();
        services.AddSingleton(sp => ExportSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<ExportSignal>();
        services.AddSingleton<ExportJobs>();
        services.AddScoped<ExportJobLeases>();
        services.AddSingleton<ExportWorker>();
        services.AddHostedService<ExportWorkerHost>();

        services.AddModuleConsumer<SubjectScreenedConsumer>(Name);
        services.AddModuleConsumer<ConsentSignedConsumer>(Name);
        services.AddModuleConsumer<EligibilityAssessedConsumer>(Name);
        services.AddModuleConsumer<SubjectEnrolledConsumer>(Name);
        services.AddModuleConsumer<SubjectRandomizedConsumer>(Name);
        services.AddModuleConsumer<SubjectStatusChangedConsumer>(Name);
        services.AddModuleConsumer<SubjectWithdrawnConsumer>(Name);
        services.AddModuleConsumer<SubjectCompletedConsumer>(Name);
        services.AddModuleConsumer<VisitScheduleUpdatedConsumer>(Name);
        services.AddModuleConsumer<VisitOccurredConsumer>(Name);
        services.AddModuleConsumer<VisitMissedConsumer>(Name);
        services.AddModuleConsumer<DeviationRecordedConsumer>(Name);
        services.AddModuleConsumer<SeriousAdverseEventReportedConsumer>(Name);
        services.AddModuleConsumer<SiteActivatedConsumer>(Name);
        services.AddModuleConsumer<SiteStatusChangedConsumer>(Name);
        services.AddModuleConsumer<SiteMilestoneReachedConsumer>(Name);
        services.AddModuleConsumer<IrbApprovalGrantedConsumer>(Name);
        services.AddModuleConsumer<IrbApprovalLapsedConsumer>(Name);

        services.AddQueryHandler<SponsorDashboardQuery, IReadOnlyList<TrialProgress>, SponsorDashboardHandler>();
        services.AddQueryHandler<TrialDashboardQuery, TrialDashboard, TrialDashboardHandler>();
        return services;
    }

    /// <summary>The reporting API: <c>/api/v1/reporting</c> (enrollment metrics per trial).</summary>
    public static IEndpointRouteBuilder MapReportingEndpoints(this IEndpointRouteBuilder app)
    {
        ReportingEndpoints.Map(app);
        return app;
    }

    /// <summary>
    /// <c>reporting rebuild</c>: recomputes the read model from the owning modules' data and prints one line per trial.
    /// Returns the process exit code (0 done, 1 failed).
    /// </summary>
    public static async Task<int> RebuildReadModelAsync(IServiceProvider services, TextWriter output, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var rebuilder = scope.ServiceProvider.GetRequiredService<ReadModelRebuilder>();
        var report = await rebuilder.RebuildAsync(output.WriteLine, cancellationToken);
        output.WriteLine($"Read model rebuilt: {report.Trials} trials, {report.Subjects} subjects, {report.Visits} visits, {report.Sites} sites, " +
                         $"{report.Milestones} milestones, {report.Approvals} approval rows.");
        return 0;
    }
}
