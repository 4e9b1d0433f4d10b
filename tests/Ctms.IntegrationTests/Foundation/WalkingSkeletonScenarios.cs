using System.Net;
using System.Net.Http.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Subjects.Contracts.IntegrationEvents;
using Ctms.Subjects.Domain;
using Ctms.Subjects.Persistence;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Foundation;

/// <summary>
/// The seams of the walking skeleton, written once and run on each backend (SQLite + in-memory bus, and
/// PostgreSQL + RabbitMQ) by the classes beside this one.
/// </summary>
public abstract class WalkingSkeletonScenarios
{
    protected static readonly Guid Trial = DemoIds.TrialOncology;
    protected static readonly Guid Site = DemoIds.SiteOncologySeoul;

    protected abstract Task<TestBackend> CreateBackendAsync();

    protected async Task Enrollment_gets_a_subject_number_and_reaches_the_sponsor_count()
    {
        await using var backend = await CreateBackendAsync();
        await using var app = new CtmsAppFactory(backend);
        var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");

        var first = await SubjectJourney.EnrollAsync(app, coordinator, Site);
        var second = await SubjectJourney.EnrollAsync(app, coordinator, Site);

        Assert.Equal("SEL01-001", first.SubjectNumber);
        Assert.Equal("SEL01-002", second.SubjectNumber);
        await Eventually.Until(() => app.ReportedEnrolledAsync(Trial, Site), n => n == 2, "the reporting count to reach 2");

        var sponsor = await SignIn.AsAsync(app, "sponsor@demo.ctms");
        var page = await sponsor.GetStringAsync("/sponsor");
        Assert.Contains("data-testid=\"site-enrolled-SEL01\">2<", page, StringComparison.Ordinal);
        Assert.DoesNotContain("SEL01-001", page, StringComparison.Ordinal); // the sponsor sees counts, not subjects
    }

    protected async Task Outbox_rows_left_by_a_host_that_stopped_before_publishing_are_sent_by_the_next_host()
    {
        await using var backend = await CreateBackendAsync();
        await using (var crashed = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Messaging:Outbox:RelayEnabled"] = "false" }))
        {
            await SubjectJourney.EnrollAsync(crashed, await SignIn.AsAsync(crashed, "coordinator@demo.ctms"), Site);
            var outbox = await crashed.SubjectsOutboxAsync();
            var pending = Assert.Single(outbox, m => m.Type.StartsWith(typeof(SubjectEnrolled).FullName!, StringComparison.Ordinal));
            Assert.Null(pending.SentAt);
            Assert.Equal(0, await crashed.ReportedEnrolledAsync(Trial, Site));
        }

        await using var restarted = new CtmsAppFactory(backend);
        _ = restarted.Server; // start the host: its relay finds the committed, unsent row
        await Eventually.Until(() => restarted.ReportedEnrolledAsync(Trial, Site), n => n == 1, "the restarted host to relay the event");
        var sent = await Eventually.Until(restarted.SubjectsOutboxAsync, rows => rows.All(r => r.SentAt is not null), "the outbox row to be marked sent");
        Assert.All(sent, r => Assert.NotNull(r.SentAt));
    }

    protected async Task A_redelivered_message_has_no_second_effect_and_a_poison_message_leaves_the_host_running()
    {
        await using var backend = await CreateBackendAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        var bus = app.Services.GetRequiredService<IBus>();
        var observer = new ConsumedMessages();
        using var _observer = bus.ConnectConsumeObserver(observer);

        var message = new SubjectEnrolled(Guid.NewGuid(), Trial, Site, "SEL01-900", DateTimeOffset.UtcNow);
        var messageId = Guid.NewGuid();
        await bus.Publish(message, ctx => ctx.MessageId = messageId);
        await bus.Publish(message, ctx => ctx.MessageId = messageId);
        await Eventually.Until(() => Task.FromResult(observer.Completed(messageId)), n => n == 2, "both deliveries to be consumed");
        Assert.Equal(1, await app.ReportedEnrolledAsync(Trial, Site));

        var poisonId = Guid.NewGuid();
        await bus.Publish(message with { SiteId = Guid.Empty }, ctx => ctx.MessageId = poisonId);
        await Eventually.Until(() => Task.FromResult(observer.Faulted(poisonId)), n => n >= 1, "the malformed message to fault", TimeSpan.FromSeconds(30));
        Assert.Equal(1, await app.ReportedEnrolledAsync(Trial, Site));

        var after = Guid.NewGuid();
        await bus.Publish(message with { SubjectId = Guid.NewGuid(), SubjectNumber = "SEL01-901" }, ctx => ctx.MessageId = after);
        await Eventually.Until(() => app.ReportedEnrolledAsync(Trial, Site), n => n == 2, "the consumer to keep working after a poison message");
        using var health = await app.CreateClient().GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    protected async Task Racing_enrollments_never_exceed_the_site_target()
    {
        await using var backend = await CreateBackendAsync();
        await using var app = new CtmsAppFactory(backend);
        _ = app.Server;
        await FillSiteUntilSlotsLeftAsync(app, slotsLeft: 3);
        var coordinator = await SignIn.AsAsync(app, "coordinator@demo.ctms");
        var ready = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            ready.Add(await SubjectJourney.ReadyToEnrollAsync(app, coordinator, Site));
        }

        var responses = await Task.WhenAll(ready.Select(number => SubjectJourney.PostEnrollmentAsync(coordinator, Site, number)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(17, refused.Count);
        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("reached its enrollment target", await refused[0].Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await app.EnrolledAtSiteAsync(Site));
        Assert.Equal(60, await app.SiteCounterEnrolledAsync(Site));
    }

    /// <summary>The demo site's target is 60: count 57 earlier enrollments so three slots remain (before screening, which numbers from the same counter).</summary>
    private static async Task FillSiteUntilSlotsLeftAsync(CtmsAppFactory app, int slotsLeft)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SubjectsDbContext>();
        var counter = new SiteEnrollmentCounter(Site, Trial);
        var trialCounter = new TrialEnrollmentCounter(Trial);
        for (var i = 0; i < 60 - slotsLeft; i++)
        {
            counter.IssueSubjectNumber("SEL01");
            counter.CountEnrollment();
            trialCounter.CountEnrollment();
        }

        db.SiteCounters.Add(counter);
        db.TrialCounters.Add(trialCounter);
        await db.SaveChangesAsync();
    }
}
