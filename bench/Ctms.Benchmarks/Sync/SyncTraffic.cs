using System.Globalization;
using System.Text.Json;

namespace Ctms.Benchmarks.Sync;

/// <summary>One message as a site system publishes it: the envelope of docs/messaging.md as UTF-8 JSON, and its AMQP properties.</summary>
internal sealed record OutgoingMessage(BenchSite Site, Guid MessageId, string Type, byte[] Body);

/// <summary>An enrolled subject the site keeps sending about: its per-subject sequence and the visits still to record.</summary>
internal sealed class TrackedSubject(BenchSite site, string number, Queue<(string Name, DateOnly Earliest, DateOnly Latest)> visits)
{
    public BenchSite Site { get; } = site;
    public string Number { get; } = number;
    public Queue<(string Name, DateOnly Earliest, DateOnly Latest)> VisitsLeft { get; } = visits;
    public int Sequence { get; set; }
}

/// <summary>
/// The benchmark's site traffic: subjects taken in turn, each message the subject's next sequence number, in a mix
/// a site produces after enrollment (visits, adverse events, deviations) with a new screening now and then. A subject
/// keeps its last planned visit, so it never completes the study and stays able to receive visits' neighbours.
/// </summary>
internal sealed class SyncTraffic(IReadOnlyList<BenchSite> sites, IReadOnlyList<TrackedSubject> subjects)
{
    private const int ScreeningEvery = 25;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private int _turn;

    public IReadOnlyDictionary<string, int> Mix => _mix;

    private readonly Dictionary<string, int> _mix = [];

    public IReadOnlyList<OutgoingMessage> Next(int count)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var messages = new List<OutgoingMessage>(count);
        for (var i = 0; i < count; i++, _turn++)
        {
            messages.Add(_turn % ScreeningEvery == ScreeningEvery - 1
                ? Screening(sites[_turn / ScreeningEvery % sites.Count], today)
                : AboutSubject(subjects[_turn % subjects.Count], today));
            _mix[messages[^1].Type] = _mix.GetValueOrDefault(messages[^1].Type) + 1;
        }

        return messages;
    }

    private OutgoingMessage Screening(BenchSite site, DateOnly today) =>
        Build(site, "SubjectScreened", null, null, new { screenedOn = Day(today), screeningRef = $"EMR-{_turn}" });

    private static OutgoingMessage AboutSubject(TrackedSubject subject, DateOnly today)
    {
        var sequence = ++subject.Sequence;
        switch (sequence % 3)
        {
            case 1 when subject.VisitsLeft.Count > 1:
                var (name, earliest, latest) = subject.VisitsLeft.Dequeue();
                var within = today >= earliest && today <= latest;
                return Build(subject.Site, "VisitOccurred", subject.Number, sequence, new
                {
                    visitName = name,
                    occurredOn = Day(today),
                    outOfWindowReason = within ? null : "Patient came in on the day of the site's data clean-up (benchmark).",
                });
            case 0:
                return Build(subject.Site, "DeviationReported", subject.Number, sequence, new
                {
                    category = "procedure",
                    severity = "minor",
                    description = $"Vital signs taken after the dose instead of before (benchmark {sequence}).",
                    occurredOn = Day(today),
                    identifiedOn = Day(today),
                });
            default:
                return Build(subject.Site, "AdverseEventReported", subject.Number, sequence, new
                {
                    term = "Nausea",
                    onsetOn = Day(today),
                    severity = "mild",
                    causality = "possible",
                    seriousnessCriteria = Array.Empty<string>(),
                    awareAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                });
        }
    }

    private static OutgoingMessage Build(BenchSite site, string type, string? subjectNumber, int? sequence, object body)
    {
        var id = Guid.NewGuid();
        var envelope = new Dictionary<string, object?>
        {
            ["messageId"] = id,
            ["type"] = type,
            ["schemaVersion"] = 1,
            ["siteCode"] = site.Code,
            ["sentAt"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["enteredBy"] = site.EnteredBy,
            ["body"] = body,
        };
        if (subjectNumber is not null)
        {
            envelope["subjectNumber"] = subjectNumber;
            envelope["sequence"] = sequence;
        }

        return new OutgoingMessage(site, id, type, JsonSerializer.SerializeToUtf8Bytes(envelope, Json));
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
