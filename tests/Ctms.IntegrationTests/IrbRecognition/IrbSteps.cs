using Ctms.IntegrationTests.Support;
using Ctms.Irb.Contracts;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Agreements;
using Ctms.Irb.Features.Approvals;
using Ctms.Irb.Features.Recognition;
using Ctms.Irb.Features.Review;
using Ctms.Irb.Features.SignDecision;
using Ctms.Irb.Features.Signing;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.IrbRecognition;

/// <summary>The IRB work a test performs, through the real command handlers, as the demo chairs.</summary>
internal static class IrbSteps
{
    public const string SeoulChair = "irb.chair@demo.ctms";
    public const string BusanChair = "irb.chair.busan@demo.ctms";

    /// <summary>Seoul IRB reviews (expedited) and its chair signs an approval; returns the submission (= decision) id.</summary>
    public static async Task<Guid> ApproveAtSeoulAsync(CtmsAppFactory center, Guid trialId, string protocolNumber, Guid protocolVersionId,
        string risk = RiskLevels.GreaterThanMinimal)
    {
        await using var scope = await center.UserScopeAsync(SeoulChair);
        var id = Ok(await Handler<CreateSubmissionCommand, Guid>(scope).HandleAsync(new CreateSubmissionCommand(
            DemoIds.IrbSeoul, trialId, protocolNumber, protocolVersionId, "1.0", SubmissionTypes.Initial, risk)));
        Ok(await Handler<ChooseReviewPathCommand, bool>(scope).HandleAsync(new ChooseReviewPathCommand(id, ReviewPaths.Expedited, 12)));
        Ok(await Handler<RecordDecisionCommand, bool>(scope).HandleAsync(new RecordDecisionCommand(id, Decisions.Approved, null)));
        Ok(await Handler<SignDecisionCommand, SignedDecision>(scope).HandleAsync(new SignDecisionCommand(id, SeoulChair, CtmsAppFactory.DemoPassword)));
        return id;
    }

    /// <summary>Busan IRB (at center B) drafts and signs an agreement recognising the Seoul IRB at center A.</summary>
    public static async Task<Guid> AgreeAtBusanAsync(CtmsAppFactory centerB, string seoulPublicKey, string scope = AgreementScopes.All,
        IReadOnlyList<Guid>? listedTrials = null)
    {
        await using var user = await centerB.UserScopeAsync(BusanChair);
        var id = Ok(await Handler<CreateAgreementCommand, Guid>(user).HandleAsync(new CreateAgreementCommand(
            "Seoul-Busan reliance (test)", DemoIds.IrbBusan, DemoIds.IrbSeoul, "Seoul National Medical Center IRB (demo)", "center-a",
            seoulPublicKey, scope, listedTrials ?? [], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), null)));
        Ok(await Handler<SignAgreementCommand, string>(user).HandleAsync(new SignAgreementCommand(id, DemoIds.IrbBusan, End: false, BusanChair, CtmsAppFactory.DemoPassword)));
        return id;
    }

    public static async Task<string> PublicKeyAsync(CtmsAppFactory center, Guid irbId)
    {
        await using var scope = center.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IrbKeyRing>().PublicKeyAsync(irbId);
    }

    public static async Task<Result<string>> CompleteLocalReviewAsync(CtmsAppFactory centerB, Guid recognitionId, bool allChecked = true)
    {
        await using var scope = await centerB.UserScopeAsync(BusanChair);
        return await Handler<CompleteLocalReviewCommand, string>(scope).HandleAsync(new CompleteLocalReviewCommand(
            recognitionId, true, true, true, allChecked, true, "Korean consent wording checked.", BusanChair, CtmsAppFactory.DemoPassword));
    }

    public static async Task<List<Recognition>> RecognitionsAsync(CtmsAppFactory center, Guid decisionId)
    {
        await using var scope = center.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IrbDbContext>().Recognitions.AsNoTracking()
            .Where(r => r.DecisionId == decisionId).ToListAsync();
    }

    public static async Task<List<SecurityAlert>> AlertsAsync(CtmsAppFactory center)
    {
        await using var scope = center.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IrbDbContext>().SecurityAlerts.AsNoTracking().ToListAsync();
    }

    public static async Task<ApprovalStatus> ApprovalAtAsync(CtmsAppFactory center, Guid institutionId, Guid trialId, Guid protocolVersionId)
    {
        await using var scope = center.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IIrbQueries>()
            .ApprovalInForceAsync(institutionId, trialId, protocolVersionId, DateOnly.FromDateTime(DateTime.UtcNow));
    }

    public static async Task LapseExpiredAsync(CtmsAppFactory center, DateOnly asOf)
    {
        await using var scope = center.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ApprovalLapsing>().RunAsync(asOf, CancellationToken.None);
    }

    private static ICommandHandler<TCommand, TResult> Handler<TCommand, TResult>(AsyncServiceScope scope) where TCommand : ICommand<TResult> =>
        scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>();

    private static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Describe());
}
