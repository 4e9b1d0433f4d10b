using System.Text.RegularExpressions;
using Ctms.EndToEndTests.Support;
using Ctms.IntegrationTests.IrbRecognition;
using Ctms.IntegrationTests.Support;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Review;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ctms.EndToEndTests.IrbRecognition;

/// <summary>
/// Two centers in two browsers: the Seoul IRB chair signs an approval at center A and sees it in force; the
/// Busan IRB chair at center B completes the local-context checklist of the recognition that arrived over RabbitMQ.
/// </summary>
[Trait("Category", "IrbRecognition")]
public sealed class RecognitionJourneyTests
{
    [BrowserRabbitFact]
    public async Task A_chair_signs_an_approval_and_the_relying_chair_completes_the_local_context_review()
    {
        var backendA = await TestBackend.SqliteRabbitAsync();
        await using var a = await LiveApp.StartAsync(backendA, new Dictionary<string, string?> { ["Center:Id"] = "center-a" });
        await using var b = await LiveApp.StartAsync(await TestBackend.SqliteOnSharedRabbitAsync(backendA.Rabbit!),
            new Dictionary<string, string?> { ["Center:Id"] = "center-b" });

        await IrbSteps.AgreeAtBusanAsync(b.Factory, await IrbSteps.PublicKeyAsync(a.Factory, DemoIds.IrbSeoul));
        var protocolVersion = Guid.NewGuid();
        await using (var scope = await a.Factory.UserScopeAsync(IrbSteps.SeoulChair))
        {
            var services = scope.ServiceProvider;
            var id = (await services.GetRequiredService<ICommandHandler<CreateSubmissionCommand, Guid>>().HandleAsync(new CreateSubmissionCommand(
                DemoIds.IrbSeoul, DemoIds.TrialOncology, "HB-ONC-301", protocolVersion, "1.0", SubmissionTypes.Initial, RiskLevels.GreaterThanMinimal))).Value;
            await services.GetRequiredService<ICommandHandler<ChooseReviewPathCommand, bool>>().HandleAsync(new ChooseReviewPathCommand(id, ReviewPaths.Expedited, 12));
            await services.GetRequiredService<ICommandHandler<RecordDecisionCommand, bool>>().HandleAsync(new RecordDecisionCommand(id, Decisions.Approved, null));
        }

        // Center A: the chair signs the recorded decision in the browser.
        var chair = await a.SignInAsync(IrbSteps.SeoulChair);
        await Expect(chair).ToHaveURLAsync(new Regex("/irb$"));
        await chair.ClickAsync("[data-testid='submission-HB-ONC-301-1.0']");
        await LiveApp.WaitForCircuitAsync(chair);
        await Expect(chair.Locator("[data-testid=decision]")).ToHaveTextAsync("approved");
        await Expect(chair.Locator("[data-testid=manifestation-preview]")).ToContainTextAsync("Signed by Iris IRB Chair");
        await Input(chair, "sign-username").FillAsync(IrbSteps.SeoulChair);
        await Input(chair, "sign-password").FillAsync("wrong password");
        await chair.ClickAsync("[data-testid=sign]");
        await Expect(chair.Locator("[data-testid=signature-prompt]")).ToContainTextAsync("password is not correct");
        await Input(chair, "sign-password").FillAsync(CtmsAppFactory.DemoPassword);
        await chair.ClickAsync("[data-testid=sign]");
        await Expect(chair.Locator("[data-testid=manifestation]")).ToContainTextAsync("Signed by Iris IRB Chair on");
        await Expect(chair.Locator("[data-testid=manifestation]")).ToContainTextAsync("meaning: approval");
        await Expect(chair.Locator("[data-testid=approval-period]")).ToContainTextAsync("in force until");

        // Center B: the recognition arrives; the relying chair reviews the local context and signs.
        var relying = await b.SignInAsync(IrbSteps.BusanChair);
        var link = relying.Locator("[data-testid=recognition-HB-ONC-301]");
        await Eventually.Until(async () =>
        {
            await relying.ReloadAsync();
            await LiveApp.WaitForCircuitAsync(relying);
            return await link.CountAsync();
        }, n => n == 1, "the recognition to reach center B", TimeSpan.FromSeconds(30));
        await link.ClickAsync();
        await LiveApp.WaitForCircuitAsync(relying);
        await Expect(relying.Locator("[data-testid=recognition-status]")).ToHaveTextAsync(RecognitionStatus.PendingLocalReview);
        foreach (var check in new[] { "local-law", "conflicts", "staff", "consent", "privacy" })
        {
            await Input(relying, $"check-{check}").CheckAsync();
        }

        await Input(relying, "sign-username").FillAsync(IrbSteps.BusanChair);
        await Input(relying, "sign-password").FillAsync(CtmsAppFactory.DemoPassword);
        await relying.ClickAsync("[data-testid=sign]");
        await Expect(relying.Locator("[data-testid=recognition-status]")).ToHaveTextAsync(RecognitionStatus.InForce);
        await Expect(relying.Locator("[data-testid=recognition-manifestation]")).ToContainTextAsync("Signed by Bae IRB Chair");
    }

    /// <summary>MudBlazor puts extra attributes on the input itself or on its wrapper, depending on the component.</summary>
    private static ILocator Input(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
