using Ctms.IntegrationTests.Support;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Agreements;
using Ctms.Irb.Features.Recognition;
using Ctms.Irb.Features.Review;
using Ctms.Irb.Features.SignDecision;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.IrbRecognition;

/// <summary>An IRB member acts only for their own IRB, and only its chair signs: the handlers refuse everyone else.</summary>
[Trait("Category", "IrbRecognition")]
public sealed class IrbScopeTests
{
    [Fact]
    public async Task Only_the_IRBs_own_members_review_and_only_its_chair_signs_decisions_agreements_and_local_reviews()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        Guid submission;
        await using (var seoulMember = await app.UserScopeAsync("irb.member@demo.ctms"))
        {
            submission = (await Send<CreateSubmissionCommand, Guid>(seoulMember, new CreateSubmissionCommand(DemoIds.IrbSeoul, DemoIds.TrialOncology,
                "HB-ONC-301", Guid.NewGuid(), "2.0", SubmissionTypes.Amendment, RiskLevels.GreaterThanMinimal))).Value;
            await Send<ChooseReviewPathCommand, bool>(seoulMember, new ChooseReviewPathCommand(submission, ReviewPaths.Expedited, 12));
            await Send<RecordDecisionCommand, bool>(seoulMember, new RecordDecisionCommand(submission, Decisions.Approved, null));

            AssertForbidden(await Send<SignDecisionCommand, SignedDecision>(seoulMember, new SignDecisionCommand(submission, "irb.member@demo.ctms", CtmsAppFactory.DemoPassword)), "Only the IRB chair");
            AssertForbidden(await Send<CreateAgreementCommand, Guid>(seoulMember, Agreement(DemoIds.IrbSeoul)), "Only the IRB chair");
        }

        await using (var busanChair = await app.UserScopeAsync("irb.chair.busan@demo.ctms"))
        {
            AssertForbidden(await Send<AddCommentCommand, bool>(busanChair, new AddCommentCommand(submission, "Not my IRB.")), "not a member of this IRB");
            AssertForbidden(await Send<SignDecisionCommand, SignedDecision>(busanChair, new SignDecisionCommand(submission, "irb.chair.busan@demo.ctms", CtmsAppFactory.DemoPassword)), "not a member of this IRB");
            AssertForbidden(await Send<CreateSubmissionCommand, Guid>(busanChair, new CreateSubmissionCommand(DemoIds.IrbSeoul, DemoIds.TrialOncology,
                "HB-ONC-301", Guid.NewGuid(), "3.0", SubmissionTypes.Amendment, RiskLevels.Minimal)), "not a member of this IRB");
        }

        await using (var seoulChair = await app.UserScopeAsync("irb.chair@demo.ctms"))
        {
            // The seeded recognition belongs to the Busan IRB: the Seoul chair cannot sign its local review.
            var busanRecognition = await seoulChair.ServiceProvider.GetRequiredService<IrbDbContext>().Recognitions.AsNoTracking()
                .Where(r => r.RelyingIrbId == DemoIds.IrbBusan).Select(r => r.Id).FirstAsync();
            AssertForbidden(await Send<CompleteLocalReviewCommand, string>(seoulChair, new CompleteLocalReviewCommand(busanRecognition, true, true, true, true, true,
                null, "irb.chair@demo.ctms", CtmsAppFactory.DemoPassword)), "not a member of this IRB");
            AssertForbidden(await Send<CreateAgreementCommand, Guid>(seoulChair, Agreement(DemoIds.IrbBusan)), "not a member of this IRB");
        }

        await using (var coordinator = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            AssertForbidden(await Send<AssignReviewerCommand, bool>(coordinator, new AssignReviewerCommand(submission, "x", "X")), "Only IRB members");
        }

        await using var check = app.Services.CreateAsyncScope();
        var unchanged = await check.ServiceProvider.GetRequiredService<IrbDbContext>().Submissions.AsNoTracking().SingleAsync(s => s.Id == submission);
        Assert.False(unchanged.IsSigned);
        Assert.Empty(unchanged.Comments);
        Assert.Empty(unchanged.Reviewers);
    }

    private static CreateAgreementCommand Agreement(Guid localIrb) =>
        new("Scope test", localIrb, Guid.NewGuid(), "Partner IRB", "center-x", Convert.ToBase64String(
            System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256).ExportSubjectPublicKeyInfo()),
            AgreementScopes.All, [], DateOnly.FromDateTime(DateTime.UtcNow), null);

    private static Task<Result<TResult>> Send<TCommand, TResult>(AsyncServiceScope scope, TCommand command) where TCommand : ICommand<TResult> =>
        scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>().HandleAsync(command);

    private static void AssertForbidden(Result result, string because)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal("forbidden", error.Code);
        Assert.Contains(because, error.Message, StringComparison.Ordinal);
    }
}
