using System.Diagnostics;
using System.Globalization;
using Ctms.Benchmarks.Measurement;
using Ctms.IntegrationTests.IrbRecognition;
using Ctms.IntegrationTests.Support;
using Ctms.Irb.Domain;
using Ctms.Irb.Features.Review;
using Ctms.Irb.Features.SignDecision;
using Ctms.Irb.Persistence;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Results;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// From the Seoul chair signing an approval at center A (PostgreSQL) to center B (SQLite) holding the pending
/// recognition, over real RabbitMQ; against a bare publish A → B on the same broker (<see cref="TransportPing"/>).
/// Decisions are signed one after another; the review steps before signing are not timed.
/// </summary>
internal static class RecognitionScenario
{
    private const double GoalP95Ms = 1000;

    public static async Task RunAsync(bool quick)
    {
        var (decisions, warmUp) = quick ? (30, 3) : (200, 10);
        await using var centers = await TwoCenters.StartAsync();
        await IrbSteps.AgreeAtBusanAsync(centers.B, await IrbSteps.PublicKeyAsync(centers.A, DemoIds.IrbSeoul));
        await using var ping = await TransportPing.ConnectAsync(centers.A.Services.GetRequiredService<IBus>(), centers.B.Services.GetRequiredService<IBus>());

        var recognition = new List<double>();
        var signing = new List<double>();
        var transport = new List<double>();
        for (var i = 0; i < warmUp + decisions; i++)
        {
            var pingMs = await ping.RoundMillisecondsAsync();
            var (latencyMs, signMs) = await SignAndAwaitRecognitionAsync(centers);
            if (i >= warmUp)
            {
                transport.Add(pingMs);
                recognition.Add(latencyMs);
                signing.Add(signMs);
            }
        }

        var (p50, p95, pingP50, pingP95) = (Stats.Median(recognition), Stats.P95(recognition), Stats.Median(transport), Stats.P95(transport));
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{decisions} decisions: sign→pending recognition p50 {p50:F0} ms, p95 {p95:F0} ms, max {recognition.Max():F0} ms (of which the sign command p50 {Stats.Median(signing):F0} ms); bare publish A→B p50 {pingP50:F1} ms, p95 {pingP95:F1} ms");
        await ResultWriter.WriteAsync("recognition", quick,
            new { decisions, warmUp, recognitionMs = recognition, signCommandMs = signing, transportMs = transport },
            [new Finding("A (PostgreSQL) → B (SQLite), RabbitMQ; ratio = p95 ÷ bare-publish p95", figures, p95 / pingP95, "p95 < 1 s", p95 < GoalP95Ms)]);
    }

    /// <summary>Creates and decides a submission at A, then times the signature to the recognition row at B.</summary>
    private static async Task<(double Total, double Sign)> SignAndAwaitRecognitionAsync(TwoCenters centers)
    {
        await using var scope = await centers.A.UserScopeAsync(IrbSteps.SeoulChair);
        var id = Ok(await Handler<CreateSubmissionCommand, Guid>(scope).HandleAsync(new CreateSubmissionCommand(
            DemoIds.IrbSeoul, DemoIds.TrialOncology, "HB-ONC-301", Guid.NewGuid(), "1.0", SubmissionTypes.Initial, RiskLevels.GreaterThanMinimal)));
        Ok(await Handler<ChooseReviewPathCommand, bool>(scope).HandleAsync(new ChooseReviewPathCommand(id, ReviewPaths.Expedited, 12)));
        Ok(await Handler<RecordDecisionCommand, bool>(scope).HandleAsync(new RecordDecisionCommand(id, Decisions.Approved, null)));

        var started = Stopwatch.GetTimestamp();
        Ok(await Handler<SignDecisionCommand, SignedDecision>(scope).HandleAsync(new SignDecisionCommand(id, IrbSteps.SeoulChair, CtmsAppFactory.DemoPassword)));
        var signMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await using var atB = centers.B.Services.CreateAsyncScope();
        var recognitions = atB.ServiceProvider.GetRequiredService<IrbDbContext>().Recognitions.AsNoTracking();
        while (!await recognitions.AnyAsync(r => r.DecisionId == id && r.Status == RecognitionStatus.PendingLocalReview))
        {
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"Center B did not receive decision {id} within 30 s.");
            }

            await Task.Delay(5);
        }

        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, signMs);
    }

    private static ICommandHandler<TCommand, TResult> Handler<TCommand, TResult>(AsyncServiceScope scope) where TCommand : ICommand<TResult> =>
        scope.ServiceProvider.GetRequiredService<ICommandHandler<TCommand, TResult>>();

    private static T Ok<T>(Result<T> result) => result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Describe());
}
