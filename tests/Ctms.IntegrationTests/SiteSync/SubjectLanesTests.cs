using System.Text;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using Ctms.SiteSync.Gateway;
using Ctms.Subjects.Contracts;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>Subjects of one site in parallel lanes (the gateway's default): each subject's messages still in sequence, each applied once.</summary>
[Trait("Category", "SiteSync")]
public sealed class SubjectLanesTests
{
    [Fact]
    public void Every_message_about_a_subject_goes_to_one_lane_and_an_unreadable_one_to_the_first()
    {
        static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);
        var lanes = Enumerable.Range(1, 6).Select(i => SubjectLanes.LaneOf(Json(
            $$"""{"messageId":"{{Guid.NewGuid()}}","type":"DeviationReported","subjectNumber":"SEL01-0007","sequence":{{i}}}"""), 8)).Distinct();

        Assert.Single(lanes);
        Assert.Equal(
            SubjectLanes.LaneOf(Json("""{"messageId":"6f1c3f2e-5a0b-4d4e-9d7e-2f7e6c1b9a10","type":"SubjectScreened"}"""), 8),
            SubjectLanes.LaneOf(Json("""{"type":"SubjectScreened","messageId":"6F1C3F2E-5A0B-4D4E-9D7E-2F7E6C1B9A10","body":{}}"""), 8));
        Assert.Equal(0, SubjectLanes.LaneOf(Json("{ not json"), 8));
        Assert.Equal(0, SubjectLanes.LaneOf(Json("[1, 2]"), 8));
        Assert.Equal(0, SubjectLanes.LaneOf(Json("""{"subjectNumber":"SEL01-0007"}"""), 1));
        Assert.True(Enumerable.Range(1, 40).Select(i => SubjectLanes.LaneOf(Json($$"""{"subjectNumber":"S-{{i}}"}"""), 4)).Distinct().Count() > 1,
            "40 subjects should not all share one lane");
    }

    [Fact]
    public async Task The_whole_site_is_held_until_every_lane_has_finished_its_message()
    {
        var locks = new SiteLocks();
        var lane = await locks.AcquireLaneAsync("SEL01", CancellationToken.None);
        var otherLane = await locks.AcquireLaneAsync("SEL01", CancellationToken.None);
        using var otherSite = await locks.AcquireAsync("PUS01", CancellationToken.None);

        var whole = locks.AcquireAsync("SEL01", CancellationToken.None);
        lane.Dispose();
        Assert.False(whole.IsCompleted, "the sweeper ran beside a lane still applying a message");
        otherLane.Dispose();
        Task<IDisposable> laneDuringSweep;
        using (await whole.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            laneDuringSweep = locks.AcquireLaneAsync("SEL01", CancellationToken.None);
            Assert.False(laneDuringSweep.IsCompleted, "a lane started while the sweeper held the site");
        }

        (await laneDuringSweep.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [RabbitFact]
    public async Task Interleaved_subjects_are_each_processed_in_sequence_and_once()
    {
        await using var backend = await TestBackend.SqliteRabbitAsync();
        await using var site = await TestSite.AddAsync(backend.Rabbit!);
        var log = new EntryLog();
        await using var app = GatewayHost.Start(backend, site, log);
        await using var link = await SiteLink.OpenAsync(site);
        const int subjects = 8, perSubject = 6;
        var messages = Enumerable.Range(1, perSubject)
            .SelectMany(sequence => Enumerable.Range(1, subjects).Select(s => SiteMessage.Deviation(site.Code, $"S-{s}#{sequence}", $"S-{s}", sequence)))
            .ToList();
        foreach (var message in messages)
        {
            await link.PublishAsync(message);
        }

        foreach (var resent in messages.Where((_, i) => i % 7 == 0))
        {
            await link.PublishAsync(resent); // a site resending after a lost confirm
        }

        var answers = new List<JsonElement>();
        var expected = messages.Select(m => m.MessageId.ToString()).ToHashSet();
        await Eventually.Until(async () =>
        {
            answers.AddRange(await link.DrainAnswersAsync());
            return answers;
        }, a => expected.IsSubsetOf(a.Select(x => x.GetProperty("body").GetProperty("messageId").GetString()).OfType<string>()), "an answer to every message", TimeSpan.FromSeconds(60));

        Assert.All(answers, a => Assert.Equal("MessageAccepted", a.GetProperty("type").GetString()));
        var applied = log.Of<DeviationEntry>();
        Assert.Equal(subjects * perSubject, applied.Count);
        foreach (var subject in Enumerable.Range(1, subjects))
        {
            Assert.Equal(
                Enumerable.Range(1, perSubject).Select(sequence => $"S-{subject}#{sequence}"),
                applied.Where(e => e.SubjectNumber == $"S-{subject}").Select(e => e.Description));
        }
    }
}
