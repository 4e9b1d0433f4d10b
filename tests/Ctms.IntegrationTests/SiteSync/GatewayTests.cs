using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.Identity.Contracts;
using Ctms.Shared.Demo;
using Ctms.Shared.Handlers;
using Ctms.SiteSync.Features.SyncStatus;
using Ctms.Subjects.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SiteSync;

[Trait("Category", "SiteSync")]
public sealed class GatewayTests
{
    [RabbitFact]
    public async Task Each_message_is_applied_once_or_rejected_with_field_reasons_and_the_gateway_keeps_consuming()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        var log = new EntryLog();
        await using var app = GatewayHost.Start(backend, site, log, parkSeconds: 2);
        await using var link = await SiteLink.OpenAsync(site);
        var code = site.Code;

        var first = SiteMessage.Deviation(code, "d1", "S-1", 1);
        var s2Second = SiteMessage.Deviation(code, "s2-second", "S-2", 2);
        var s2First = SiteMessage.Deviation(code, "s2-first", "S-2", 1);
        var gap = SiteMessage.Deviation(code, "s3-second", "S-3", 2);
        var stale = SiteMessage.Deviation(code, "d1-again", "S-1", 1);
        var unknownType = SiteMessage.Create(code, "VisitRescheduled", new { visitName = "Week 4" }, "S-4", 1);
        var futureSchema = SiteMessage.Create(code, "DeviationReported", new { }, schemaVersion: 2);
        var invalid = SiteMessage.Create(code, "DeviationReported", new { category = "procedure", severity = "catastrophic", description = "x", identifiedOn = "2026-11-21" });
        var foreign = SiteMessage.Deviation("PUS01", "about another site");
        var refused = SiteMessage.Deviation(code, "refuse-me");
        var unknownUser = SiteMessage.Create(code, "VisitMissed", new { visitName = "Week 2", reason = "ill" }, "S-5", 1, enteredBy: "nobody@example.org");
        var outOfWindow = SiteMessage.Visit(code, "S-6", 1, "Late visit");
        var screened = SiteMessage.Create(code, "SubjectScreened", new { screenedOn = "2026-11-20", screeningRef = "EMR-77" });
        var last = SiteMessage.Deviation(code, "final");

        await link.PublishAsync(first);
        await link.PublishAsync(first); // duplicate: same id
        await link.PublishAsync(s2Second);
        await link.PublishAsync(s2First);
        await link.PublishAsync(gap);
        await link.PublishAsync(stale);
        await link.PublishAsync("{ this is not json", Guid.NewGuid().ToString());
        await link.PublishAsync(unknownType);
        await link.PublishAsync(futureSchema);
        await link.PublishAsync(invalid);
        await link.PublishAsync(foreign);
        await link.PublishAsync(refused);
        await link.PublishAsync(unknownUser);
        await link.PublishAsync(outOfWindow);
        await link.PublishAsync(screened);
        await link.PublishAsync(last);

        var answers = new List<JsonElement>();
        var expected = new[] { first, s2Second, s2First, gap, stale, unknownType, futureSchema, invalid, foreign, refused, unknownUser, outOfWindow, screened, last }
            .Select(m => m.MessageId.ToString()).ToHashSet();
        await Eventually.Until(async () =>
        {
            answers.AddRange(await link.DrainAnswersAsync());
            return answers;
        }, a => expected.IsSubsetOf(a.Select(AnsweredId).OfType<string>()) && a.Any(x => AnsweredId(x) is null) &&
                a.Count(x => AnsweredId(x) == first.MessageId.ToString()) >= 2, "an answer to every message");

        string Type(SiteMessage m) => answers.First(a => AnsweredId(a) == m.MessageId.ToString()).GetProperty("type").GetString()!;
        IReadOnlyList<(string? Field, string Code)> Reasons(SiteMessage m) => answers.First(a => AnsweredId(a) == m.MessageId.ToString())
            .GetProperty("body").GetProperty("reasons").EnumerateArray()
            .Select(r => (r.GetProperty("field").GetString(), r.GetProperty("code").GetString()!)).ToList();

        Assert.Equal("MessageAccepted", Type(first));
        var duplicateAnswers = answers.Where(a => AnsweredId(a) == first.MessageId.ToString()).Select(a => a.GetRawText()).ToList();
        Assert.Equal(2, duplicateAnswers.Count);
        Assert.Equal(duplicateAnswers[0], duplicateAnswers[1]); // the same answer again
        Assert.Equal("MessageAccepted", Type(s2First));
        Assert.Equal("MessageAccepted", Type(s2Second));
        Assert.Contains(("sequence", "sequence-gap"), Reasons(gap));
        Assert.Contains(("sequence", "stale-sequence"), Reasons(stale));
        Assert.Contains(("type", "unknown-type"), Reasons(unknownType));
        Assert.Contains(("schemaVersion", "unknown-schema-version"), Reasons(futureSchema));
        Assert.Contains(("body.severity", "invalid"), Reasons(invalid));
        Assert.Contains(("body.occurredOn", "invalid"), Reasons(invalid));
        Assert.Contains(("siteCode", "wrong-site"), Reasons(foreign));
        Assert.Contains(("body.description", "deviation-refused"), Reasons(refused));
        Assert.Contains(("enteredBy", "unknown-user"), Reasons(unknownUser));
        Assert.Contains(("body.outOfWindowReason", "out-of-window-reason-required"), Reasons(outOfWindow));
        Assert.Equal("MessageAccepted", Type(screened));
        var screenedAnswer = answers.First(a => AnsweredId(a) == screened.MessageId.ToString()).GetProperty("body");
        Assert.Equal("EMR-77", screenedAnswer.GetProperty("screeningRef").GetString());
        Assert.StartsWith("SCR-", screenedAnswer.GetProperty("subjectNumber").GetString(), StringComparison.Ordinal);
        var malformed = answers.Single(a => AnsweredId(a) is null);
        Assert.Equal("malformed-json", malformed.GetProperty("body").GetProperty("reasons")[0].GetProperty("code").GetString());

        // Effects: each accepted message once, nothing from the refused ones, and a subject's successor after its
        // predecessor. Different subjects run in parallel lanes (ADR 0015), so no order is promised between them.
        var applied = log.Of<DeviationEntry>().Select(d => d.Description).ToList();
        Assert.Equal(["d1", "final", "s2-first", "s2-second"], applied.Order(StringComparer.Ordinal));
        Assert.True(applied.IndexOf("s2-first") < applied.IndexOf("s2-second"), string.Join(", ", applied));
        Assert.Single(log.Of<ScreenSubjectEntry>());
        Assert.Empty(log.Of<MissedVisitEntry>());

        // Applied as the named coordinator, limited to the sending site.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var coordinator = await scope.ServiceProvider.GetRequiredService<IIdentityQueries>().FindByEmailAsync("coordinator@demo.ctms");
            Assert.All(log.Calls, c =>
            {
                Assert.Equal(coordinator!.UserId, c.UserId);
                Assert.Equal([DemoIds.SiteOncologySeoul], c.UserSites);
                Assert.True(c.IsCoordinator);
            });
        }

        // Unreadable, unknown type and unknown schema version also went to the error queue for an operator.
        await using (var admin = await site.ConnectAsync(backend.Rabbit!.Username, backend.Rabbit.Password))
        await using (var channel = await admin.CreateChannelAsync())
        {
            await Eventually.Until(() => channel.MessageCountAsync(site.ErrorQueue), n => n == 3, "three messages in the error queue");
        }

        await using (var scope = await app.UserScopeAsync("admin@demo.ctms"))
        {
            var status = (await scope.ServiceProvider.GetRequiredService<IQueryHandler<SyncStatusQuery, IReadOnlyList<SiteSyncStatus>>>()
                .HandleAsync(new SyncStatusQuery())).Value.Single();
            Assert.Equal(5, status.Accepted);
            Assert.Equal(0, status.InDoubt);
            Assert.Equal(0, status.Parked);
            Assert.Contains(status.NeedsAttention, r => r.MessageId == gap.MessageId && r.Reasons!.Contains("sequence-gap", StringComparison.Ordinal));
        }
    }

    [RabbitFact]
    public async Task A_parked_message_rejected_for_a_gap_is_replayed_by_an_administrator_or_the_sites_coordinator_only()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        var log = new EntryLog();
        await using var app = GatewayHost.Start(backend, site, log, parkSeconds: 1);
        await using var link = await SiteLink.OpenAsync(site);

        var gap = SiteMessage.Deviation(site.Code, "waited", "S-9", 2);
        await link.PublishAsync(gap);
        await Eventually.Until(link.DrainAnswersAsync, a => a.Any(x => AnsweredId(x) == gap.MessageId.ToString()), "the sequence-gap rejection");
        Assert.Empty(log.Calls);

        await using (var busan = await app.UserScopeAsync("coordinator.busan@demo.ctms"))
        {
            var refused = await busan.ServiceProvider.GetRequiredService<ICommandHandler<ReplaySiteMessage, bool>>().HandleAsync(new ReplaySiteMessage(gap.MessageId));
            Assert.Equal("forbidden", refused.Errors.Single().Code);
        }

        Assert.Empty(log.Calls);
        await using (var coordinator = await app.UserScopeAsync("coordinator@demo.ctms"))
        {
            var handler = coordinator.ServiceProvider.GetRequiredService<ICommandHandler<ReplaySiteMessage, bool>>();
            Assert.True((await handler.HandleAsync(new ReplaySiteMessage(gap.MessageId))).IsSuccess);
            Assert.Equal("validation", (await handler.HandleAsync(new ReplaySiteMessage(Guid.Empty))).Errors.Single().Code);
            Assert.Equal("conflict", (await handler.HandleAsync(new ReplaySiteMessage(gap.MessageId))).Errors.Single().Code); // accepted now
        }

        Assert.Equal(["waited"], log.Of<DeviationEntry>().Select(d => d.Description));
        var accepted = await Eventually.Until(link.DrainAnswersAsync, a => a.Any(x => AnsweredId(x) == gap.MessageId.ToString()), "the acceptance after replay");
        Assert.Equal("MessageAccepted", accepted.First(x => AnsweredId(x) == gap.MessageId.ToString()).GetProperty("type").GetString());
    }

    [RabbitFact]
    public async Task A_client_in_python_following_the_docs_sends_a_visit_and_reads_its_acceptance()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        var log = new EntryLog();
        await using var app = GatewayHost.Start(backend, site, log);

        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/python3", [Path.Combine(Repo.Root, "tests", "Ctms.IntegrationTests", "SiteSync", "python", "send_visit.py")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CTMS_HOST"] = backend.Rabbit!.Host;
        start.Environment["CTMS_PORT"] = backend.Rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CTMS_VHOST"] = backend.Rabbit.VirtualHost;
        start.Environment["SITE_CODE"] = site.Code;
        start.Environment["SITE_PASSWORD"] = site.Password;
        start.Environment["SUBJECT_NUMBER"] = "PY-0001";
        start.Environment["SEQUENCE"] = "1";
        start.Environment["ENTERED_BY"] = "coordinator@demo.ctms";
        using var python = System.Diagnostics.Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();

        Assert.True(python.ExitCode == 0, $"exit {python.ExitCode}: {output} {errors}");
        var answer = JsonDocument.Parse(output).RootElement;
        Assert.Equal("MessageAccepted", answer.GetProperty("type").GetString());
        Assert.Equal(site.Code, answer.GetProperty("siteCode").GetString());
        var visit = Assert.Single(log.Of<VisitEntry>());
        Assert.Equal(("PY-0001", "Week 4", DemoIds.SiteOncologySeoul), (visit.SubjectNumber, visit.VisitName, visit.SiteId));
    }

    private static string? AnsweredId(JsonElement answer) =>
        answer.GetProperty("body").TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
