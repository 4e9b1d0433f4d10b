using Ctms.Shared.Seeding;
using Ctms.Irb.Consumers;
using Ctms.Irb.Contracts;
using Ctms.Irb.Features.Agreements;
using Ctms.Irb.Features.Api;
using Ctms.Irb.Features.Approvals;
using Ctms.Irb.Features.Recognition;
using Ctms.Irb.Features.Review;
using Ctms.Irb.Features.SeedDemo;
using Ctms.Irb.Features.SignDecision;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Features.Workspace;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Irb;

/// <summary>The Irb module's only public entry point.</summary>
public static class IrbModule
{
    public const string Name = "irb";

    public static IServiceCollection AddIrbModule(this IServiceCollection services)
    {
        services.AddModuleDbContext<IrbDbContext>(IrbDbContext.SchemaName);
        services.AddScoped<IIrbQueries, IrbQueries>();
        services.AddScoped<IDemoSeeder, IrbDemoSeeder>();
        services.AddScoped<IScaleSeeder, Features.SeedScale.IrbScaleSeeder>();
        services.AddScoped<IrbKeyRing>();
        services.AddScoped<IrbInstitutions>();
        services.AddScoped<ApprovalPeriodService>();
        services.AddScoped<ApprovalLapsing>();
        services.AddScoped<RecognitionIntake>();
        services.AddScoped<IrbWorkspace>();
        services.AddHostedService<ApprovalExpiryMonitor>();
        services.AddValidatorsFromAssemblyContaining<CreateSubmissionValidator>(includeInternalTypes: true);

        services.AddCommandHandler<CreateSubmissionCommand, Guid, ReviewHandlers>();
        services.AddCommandHandler<AssignReviewerCommand, bool, ReviewHandlers>();
        services.AddCommandHandler<AddCommentCommand, bool, ReviewHandlers>();
        services.AddCommandHandler<ChooseReviewPathCommand, bool, ReviewHandlers>();
        services.AddCommandHandler<RecordVoteCommand, bool, ReviewHandlers>();
        services.AddCommandHandler<RecordDecisionCommand, bool, ReviewHandlers>();
        services.AddCommandHandler<SignDecisionCommand, SignedDecision, SignDecisionHandler>();
        services.AddCommandHandler<CreateAgreementCommand, Guid, AgreementHandlers>();
        services.AddCommandHandler<SignAgreementCommand, string, AgreementHandlers>();
        services.AddCommandHandler<CompleteLocalReviewCommand, string, CompleteLocalReviewHandler>();

        services.AddModuleConsumer<ProtocolVersionSubmittedConsumer>(Name);
        services.AddModuleConsumer<ConsentVersionSubmittedConsumer>(Name);
        services.AddModuleConsumer<IrbDecisionSignedConsumer>(Name);
        services.AddModuleConsumer<IrbApprovalLapsedConsumer>(Name);
        return services;
    }

    public static IEndpointRouteBuilder MapIrbEndpoints(this IEndpointRouteBuilder app)
    {
        IrbEndpoints.Map(app);
        return app;
    }
}
