using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Ctms.Benchmarks.Measurement;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.Shared.Messaging;
using Ctms.Shared.Persistence;
using Ctms.Shared.Security;
using Ctms.Sites.Persistence;
using Ctms.Subjects.Features.Consent;
using Ctms.Subjects.Features.Eligibility;
using Ctms.Subjects.Features.EnrollSubject;
using Ctms.Subjects.Features.Screening;
using Ctms.Subjects.Persistence;
using Ctms.Trials.Contracts;
using Ctms.Trials.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// Enrollments through the real command handler (validation, scope check, site and trial reads, caps, counters
/// with concurrency tokens, outbox) against <see cref="RawEnrollment"/> on the same database, runs interleaved.
/// </summary>
internal static class EnrollScenario
{
    private const string Coordinator = "coordinator@demo.ctms";
    private const string SiteCode = "SEL01";
    private const int BenchTarget = 10_000_000;
    private const double Goal = 0.5;

    public static async Task RunAsync(bool quick)
    {
        var (perRun, runs, warmUp) = quick ? (60, 3, 15) : (600, 5, 200);
        var findings = new List<Finding>();
        var details = new List<object>();
        foreach (var (name, makeBackend) in new (string, Func<Task<TestBackend>>)[]
                 {
                     ("SQLite (WAL)", TestBackend.SqliteInMemoryBusAsync),
                     ("PostgreSQL", TestBackend.PostgresRabbitAsync),
                 })
        {
            await using var backend = await makeBackend();
            // The bus is in memory for both databases: this scenario measures the database path, not RabbitMQ.
            await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?>
            {
                ["Messaging:Transport"] = "InMemory",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            _ = app.Server;
            await RaiseTargetsAsync(app);
            var principal = await CoordinatorAsync(app);
            var raw = new RawEnrollment(app.Services.GetRequiredService<DatabaseSettings>(), DemoIds.TrialOncology, DemoIds.SiteOncologySeoul, SiteCode);
            var ready = new ConcurrentQueue<string>();
            Func<Task<bool>> real = () => EnrollAsync(app, principal, ready);
            Func<Task<bool>> baseline = async () =>
            {
                await raw.EnrollAsync();
                return true;
            };

            Func<Task> settle = () => OutboxDrainedAsync(app);
            foreach (var callers in new[] { 1, 16 })
            {
                await PrepareAsync(app, principal, ready, warmUp);
                await LoadRun.RunAsync(warmUp, callers, real, settle);
                await LoadRun.RunAsync(warmUp, callers, baseline, settle);
                var realRuns = new List<LoadRunResult>();
                var rawRuns = new List<LoadRunResult>();
                for (var run = 0; run < runs; run++)
                {
                    await PrepareAsync(app, principal, ready, perRun);
                    realRuns.Add(await LoadRun.RunAsync(perRun, callers, real, settle));
                    rawRuns.Add(await LoadRun.RunAsync(perRun, callers, baseline, settle));
                }

                var realOps = Stats.Median(realRuns.Select(r => r.OpsPerSecond));
                var rawOps = Stats.Median(rawRuns.Select(r => r.OpsPerSecond));
                var ratio = realOps / rawOps;
                var realCpu = Stats.Median(realRuns.Select(r => r.CpuSecondsPer1000));
                var rawCpu = Stats.Median(rawRuns.Select(r => r.CpuSecondsPer1000));
                var failures = realRuns.Sum(r => r.Failures);
                var figures = string.Create(CultureInfo.InvariantCulture,
                    $"handler {realOps:F0} ops/s, {realCpu:F2} CPU-s/1k, p95 {Stats.Median(realRuns.Select(r => r.P95LatencyMs)):F1} ms" +
                    $"{(failures > 0 ? $", {failures} refused" : "")}; raw {rawOps:F0} ops/s, {rawCpu:F2} CPU-s/1k, p95 {Stats.Median(rawRuns.Select(r => r.P95LatencyMs)):F1} ms");
                findings.Add(new Finding($"{name}, {callers} caller{(callers > 1 ? "s" : "")}", figures, ratio, $"≥ {Goal} of raw ops/s", ratio >= Goal && failures == 0));
                details.Add(new { database = name, callers, perRun, runs, warmUp, handler = realRuns, raw = rawRuns });
            }
        }

        await ResultWriter.WriteAsync("enroll", quick, details, findings);
    }

    /// <summary>
    /// The demo Seoul oncology site has a target of 60 (trial: 120). The benchmark raises both to 10,000,000
    /// through the Sites and Trials DbContexts, so no enrollment is refused by a cap.
    /// </summary>
    private static async Task RaiseTargetsAsync(CtmsAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SitesDbContext>().Sites.Where(s => s.Id == DemoIds.SiteOncologySeoul)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TargetEnrollment, BenchTarget));
        await scope.ServiceProvider.GetRequiredService<TrialsDbContext>().Trials.Where(t => t.Id == DemoIds.TrialOncology)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.TargetEnrollment, BenchTarget));
    }

    /// <summary>The coordinator's principal, made once as sign-in makes it; each enrollment then runs in its own scope.</summary>
    private static async Task<ClaimsPrincipal> CoordinatorAsync(CtmsAppFactory app)
    {
        await using var scope = await app.UserScopeAsync(Coordinator);
        return scope.ServiceProvider.GetRequiredService<CurrentUserAccessor>().Principal;
    }

    /// <summary>
    /// A run ends when the Subjects outbox holds no unsent row: the relay's publishing of the run's events is
    /// counted in the run that caused it, for the handler and the baseline alike (both write unsent rows).
    /// </summary>
    private static async Task OutboxDrainedAsync(CtmsAppFactory app)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<SubjectsDbContext>().Set<OutboxMessage>().AnyAsync(m => m.SentAt == null))
            {
                return;
            }

            if (limit.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("The Subjects outbox was not drained within 60 s.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Untimed: screens, consents and assesses <paramref name="count"/> subjects through the real handlers, so each timed
    /// operation is the enrollment alone (the raw baseline has no such preconditions).
    /// </summary>
    private static async Task PrepareAsync(CtmsAppFactory app, ClaimsPrincipal coordinator, ConcurrentQueue<string> ready, int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        IReadOnlyDictionary<string, bool>? answers = null;
        for (var i = 0; i < count; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var services = scope.ServiceProvider;
            services.GetRequiredService<CurrentUserAccessor>().Set(coordinator);
            if (answers is null)
            {
                var criteria = (await services.GetRequiredService<ITrialsQueries>().GetCriteriaAsync(DemoIds.ProtocolOncologyV1))!;
                answers = criteria.Inclusion.Select(c => (c, true)).Concat(criteria.Exclusion.Select(c => (c, false))).ToDictionary(a => a.c, a => a.Item2);
            }

            var screened = await services.GetRequiredService<ICommandHandler<ScreenSubjectCommand, ScreenedSubject>>()
                .HandleAsync(new ScreenSubjectCommand(DemoIds.SiteOncologySeoul, today));
            var number = screened.Value.SubjectNumber;
            var consent = await services.GetRequiredService<ICommandHandler<SignConsentCommand, ConsentRecorded>>()
                .HandleAsync(new SignConsentCommand(DemoIds.SiteOncologySeoul, number, DemoIds.ConsentOncologyV1English, today));
            var eligible = await services.GetRequiredService<ICommandHandler<AssessEligibilityCommand, EligibilityAssessment>>()
                .HandleAsync(new AssessEligibilityCommand(DemoIds.SiteOncologySeoul, number, answers, today));
            if (consent.IsFailure || eligible.IsFailure)
            {
                throw new InvalidOperationException($"Could not prepare {number}: {consent.Describe()} {eligible.Describe()}");
            }

            ready.Enqueue(number);
        }
    }

    private static async Task<bool> EnrollAsync(CtmsAppFactory app, ClaimsPrincipal coordinator, ConcurrentQueue<string> ready)
    {
        if (!ready.TryDequeue(out var number))
        {
            return false;
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserAccessor>().Set(coordinator);
        var result = await scope.ServiceProvider.GetRequiredService<ICommandHandler<EnrollSubjectCommand, EnrolledSubject>>()
            .HandleAsync(new EnrollSubjectCommand(DemoIds.SiteOncologySeoul, number));
        return result.IsSuccess;
    }
}
