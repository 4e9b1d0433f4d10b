using Ctms.Shared.Seeding;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.Api;
using Ctms.Subjects.Features.Common;
using Ctms.Subjects.Features.Consent;
using Ctms.Subjects.Features.Consumers;
using Ctms.Subjects.Features.CoordinatorHome;
using Ctms.Subjects.Features.Deviations;
using Ctms.Subjects.Features.Eligibility;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.Randomization;
using Ctms.Subjects.Features.Safety;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Features.SeedDemo;
using Ctms.Subjects.Features.SiteDataEntry;
using Ctms.Subjects.Features.SiteSubjects;
using Ctms.Subjects.Features.SubjectPage;
using Ctms.Subjects.Features.Visits;
using Ctms.Subjects.Features.Withdrawal;
using Ctms.Subjects.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Subjects;

/// <summary>The Subjects module's only public entry point.</summary>
public static class SubjectsModule
{
    public const string Name = "subjects";

    public static IServiceCollection AddSubjectsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SubjectsDbContext>(SubjectsDbContext.SchemaName);
        services.AddScoped<ISubjectsQueries, SubjectsQueries>();
        services.AddScoped<ISiteDataEntry, SiteDataEntryService>();
        services.AddScoped<IdempotentEntries>();
        services.AddScoped<SubjectLoader>();
        services.AddScoped<VisitPlanner>();
        services.AddScoped<IdentifierProtection>();
        services.AddValidatorsFromAssemblyContaining<EnrollSubjectValidator>(includeInternalTypes: true);
        services.AddCommandHandler<ScreenSubjectCommand, ScreenedSubject, ScreenSubjectHandler>();
        services.AddCommandHandler<SignConsentCommand, ConsentRecorded, SignConsentHandler>();
        services.AddCommandHandler<AssessEligibilityCommand, EligibilityAssessment, AssessEligibilityHandler>();
        services.AddCommandHandler<EnrollSubjectCommand, EnrolledSubject, EnrollSubjectHandler>();
        services.AddCommandHandler<RandomizeSubjectCommand, RandomizedSubject, RandomizeSubjectHandler>();
        services.AddCommandHandler<RecordVisitCommand, RecordedVisit, RecordVisitHandler>();
        services.AddCommandHandler<MarkVisitMissedCommand, MissedVisit, MarkVisitMissedHandler>();
        services.AddCommandHandler<RecordAdverseEventCommand, RecordedAdverseEvent, RecordAdverseEventHandler>();
        services.AddCommandHandler<RecordDeviationCommand, RecordedDeviation, RecordDeviationHandler>();
        services.AddCommandHandler<WithdrawSubjectCommand, WithdrawnSubject, WithdrawSubjectHandler>();
        services.AddQueryHandler<SiteSubjectsQuery, SiteSubjectsView, SiteSubjectsHandler>();
        services.AddQueryHandler<SubjectDetailQuery, SubjectDetail, SubjectDetailHandler>();
        services.AddQueryHandler<CoordinatorHomeQuery, CoordinatorHomeView, CoordinatorHomeHandler>();
        services.AddModuleConsumer<IrbApprovalGrantedConsumer>(Name);
        services.AddScoped<IDemoSeeder, SubjectsDemoSeeder>();
        services.AddScoped<IScaleSeeder, Features.SeedScale.SubjectsScaleSeeder>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubjectsEndpoints(this IEndpointRouteBuilder app)
    {
        SubjectsEndpoints.Map(app);
        SubjectsReadEndpoints.Map(app);
        return app;
    }
}
