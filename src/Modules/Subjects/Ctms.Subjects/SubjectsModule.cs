using Ctms.Shared.Handlers;
using Ctms.Shared.Persistence;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Features.Api;
using Microsoft.AspNetCore.Routing;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.SiteSubjects;
using Ctms.Subjects.Persistence;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Subjects;

/// <summary>The Subjects module's only public entry point.</summary>
public static class SubjectsModule
{
    public static IServiceCollection AddSubjectsModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<SubjectsDbContext>(SubjectsDbContext.SchemaName);
        services.AddScoped<ISubjectsQueries, SubjectsQueries>();
        services.AddValidatorsFromAssemblyContaining<EnrollSubjectValidator>(includeInternalTypes: true);
        services.AddCommandHandler<EnrollSubjectCommand, EnrolledSubject, EnrollSubjectHandler>();
        services.AddQueryHandler<SiteSubjectsQuery, SiteSubjectsView, SiteSubjectsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSubjectsEndpoints(this IEndpointRouteBuilder app)
    {
        SubjectsEndpoints.Map(app);
        return app;
    }
}
