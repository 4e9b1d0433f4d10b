using System.Text;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.SiteSync.Domain;
using Ctms.SiteSync.Gateway;
using Ctms.SiteSync.Persistence;
using Ctms.Subjects.Contracts;
using Ctms.Subjects.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StoredMessage = Ctms.SiteSync.Domain.SiteMessage;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>
/// The central dies after the Subjects module committed a site message's effect and before SiteSync committed its
/// outcome (the old "in-doubt" window). The test builds exactly the state such a crash leaves: the SiteSync row still
/// <c>applying</c>, and the effect committed with the message id as idempotency key (or not committed, for a crash one
/// step earlier). Then the restarted central meets it again, by redelivery or by its sweep, and must end with one
/// effect per message and an answer that repeats the first outcome.
/// </summary>
[Trait("Category", "SiteSync")]
public sealed class CrashBetweenCommitsTests
{
    private static readonly RegisteredSite Site = new("SEL01", DemoIds.SiteOncologySeoul);

    [Fact]
    public async Task On_sqlite_a_redelivered_or_swept_message_is_applied_once_with_its_first_outcome()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await RunAsync(backend);
    }

    [PostgresRabbitFact]
    public async Task On_postgresql_a_redelivered_or_swept_message_is_applied_once_with_its_first_outcome()
    {
        await using var backend = await TestBackend.PostgresRabbitAsync();
        await RunAsync(backend);
    }

    private static async Task RunAsync(TestBackend backend)
    {
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?>
        {
            ["SiteSync:Gateway:RequireDelegation"] = "false",
            [$"SiteSync:Sites:{Site.Code}"] = Site.SiteId.ToString(),
        });
        _ = app.Server;
        var today = SubjectJourney.Today;

        // 1. Screening, redelivered after the crash: the answer carries the number issued before the crash.
        var screen = SiteMessage.Create(Site.Code, "SubjectScreened", new { screenedOn = today.ToString("yyyy-MM-dd"), screeningRef = "EMR-77" });
        await MarkApplyingAsync(app, screen);
        string issued;
        await using (var staff = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            var first = await staff.ServiceProvider.GetRequiredService<ISiteDataEntry>()
                .ScreenAsync(new ScreenSubjectEntry(Site.SiteId, today, null) { IdempotencyKey = screen.MessageId });
            Assert.True(first.Succeeded, string.Join(" ", first.Errors.Select(e => e.Message)));
            issued = first.SubjectNumber!;
        }

        await using (var restarted = app.Services.CreateAsyncScope())
        {
            var verdict = await restarted.ServiceProvider.GetRequiredService<SiteMessageProcessor>().ProcessAsync(Site,
                new InboundDelivery(Site.AmqpUser, screen.MessageId.ToString(), Encoding.UTF8.GetBytes(screen.Json)), CancellationToken.None);
            Assert.Equal(DeliveryVerdict.Ack, verdict);
        }

        var screenedAnswer = await AnswerAsync(app, screen.MessageId);
        Assert.Equal("MessageAccepted", screenedAnswer.GetProperty("type").GetString());
        Assert.Equal(issued, screenedAnswer.GetProperty("body").GetProperty("subjectNumber").GetString());
        Assert.Equal("EMR-77", screenedAnswer.GetProperty("body").GetProperty("screeningRef").GetString());

        // 1b. The same crash on a fresh delivery, which is stored only with its outcome (ADR 0021): SiteSync has no row at
        //     all, the Subjects module has the effect. The redelivery must answer with the deviation already recorded.
        var unstored = SiteMessage.Deviation(Site.Code, "committed before the crash, never stored by SiteSync");
        await using (var staff = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            var first = await staff.ServiceProvider.GetRequiredService<ISiteDataEntry>().ReportDeviationAsync(
                new DeviationEntry(Site.SiteId, null, "procedure", "minor", "committed before the crash, never stored by SiteSync",
                    new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21)) { IdempotencyKey = unstored.MessageId });
            Assert.True(first.Succeeded, string.Join(" ", first.Errors.Select(e => e.Message)));
        }

        await using (var restarted = app.Services.CreateAsyncScope())
        {
            var verdict = await restarted.ServiceProvider.GetRequiredService<SiteMessageProcessor>().ProcessAsync(Site,
                new InboundDelivery(Site.AmqpUser, unstored.MessageId.ToString(), Encoding.UTF8.GetBytes(unstored.Json)), CancellationToken.None);
            Assert.Equal(DeliveryVerdict.Ack, verdict);
        }

        Assert.Equal("MessageAccepted", (await AnswerAsync(app, unstored.MessageId)).GetProperty("type").GetString());

        // 2. Two site-level deviations left applying (e.g. drained from the parking lot, so never redelivered): one was
        //    committed by the Subjects module before the crash, the other not. The sweep finishes both, once each.
        var committed = SiteMessage.Deviation(Site.Code, "committed before the crash");
        var notCommitted = SiteMessage.Deviation(Site.Code, "not committed before the crash");
        await MarkApplyingAsync(app, committed);
        await MarkApplyingAsync(app, notCommitted);
        await using (var staff = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            var first = await staff.ServiceProvider.GetRequiredService<ISiteDataEntry>().ReportDeviationAsync(
                new DeviationEntry(Site.SiteId, null, "procedure", "minor", "committed before the crash", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 21))
                { IdempotencyKey = committed.MessageId });
            Assert.True(first.Succeeded, string.Join(" ", first.Errors.Select(e => e.Message)));
        }

        await using (var restarted = app.Services.CreateAsyncScope())
        {
            await restarted.ServiceProvider.GetRequiredService<SiteMessageProcessor>().ResumeApplyingAsync(Site, CancellationToken.None);
        }

        Assert.Equal("MessageAccepted", (await AnswerAsync(app, committed.MessageId)).GetProperty("type").GetString());
        Assert.Equal("MessageAccepted", (await AnswerAsync(app, notCommitted.MessageId)).GetProperty("type").GetString());

        // 3. The same messages once more (a site resending): answered again, never applied again.
        await using (var again = app.Services.CreateAsyncScope())
        {
            var processor = again.ServiceProvider.GetRequiredService<SiteMessageProcessor>();
            foreach (var message in new[] { screen, unstored, committed, notCommitted })
            {
                await processor.ProcessAsync(Site, new InboundDelivery(Site.AmqpUser, message.MessageId.ToString(), Encoding.UTF8.GetBytes(message.Json)),
                    CancellationToken.None);
            }
        }

        await using var check = app.Services.CreateAsyncScope();
        var subjects = check.ServiceProvider.GetRequiredService<SubjectsDbContext>();
        Assert.Equal([issued], await subjects.Subjects.Where(s => s.SiteId == Site.SiteId).Select(s => s.SubjectNumber).ToListAsync());
        var deviations = await subjects.Deviations.Where(d => d.SiteId == Site.SiteId).Select(d => d.Description).ToListAsync();
        Assert.Equal(["committed before the crash", "committed before the crash, never stored by SiteSync", "not committed before the crash"],
            deviations.Order(StringComparer.Ordinal));
        var sync = check.ServiceProvider.GetRequiredService<SiteSyncDbContext>();
        Assert.Equal(4, await sync.SiteMessages.CountAsync(m => m.Status == SiteMessageStatus.Accepted));
        Assert.Equal(0, await sync.SiteMessages.CountAsync(m => m.Status == SiteMessageStatus.Applying || m.Status == SiteMessageStatus.InDoubt));
    }

    /// <summary>What the gateway commits just before calling the Subjects module.</summary>
    private static async Task MarkApplyingAsync(CtmsAppFactory app, SiteMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>();
        using var json = JsonDocument.Parse(message.Json);
        var stored = new StoredMessage(message.MessageId, Site.Code, message.Type, message.Json, DateTimeOffset.UtcNow);
        stored.Describe(json.RootElement.TryGetProperty("subjectNumber", out var s) ? s.GetString() : null, null, "coordinator@demo.ctms", DateTimeOffset.UtcNow, null);
        stored.MarkApplying();
        db.SiteMessages.Add(stored);
        await db.SaveChangesAsync();
    }

    private static async Task<JsonElement> AnswerAsync(CtmsAppFactory app, Guid messageId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SiteSyncDbContext>();
        var stored = await db.SiteMessages.AsNoTracking().SingleAsync(m => m.MessageId == messageId);
        Assert.NotNull(stored.AnswerJson);
        return JsonDocument.Parse(stored.AnswerJson).RootElement.Clone();
    }
}
