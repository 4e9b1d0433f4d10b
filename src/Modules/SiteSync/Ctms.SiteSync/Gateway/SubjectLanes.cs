using System.Text.Json;
using System.Threading.Channels;

namespace Ctms.SiteSync.Gateway;

/// <summary>A delivery taken off a site's queue, with what the lane worker needs to ack it later.</summary>
internal sealed record LaneItem(InboundDelivery Delivery, ulong DeliveryTag);

/// <summary>
/// One site's deliveries spread over a few ordered lanes: every message about a subject goes to the same lane (so the
/// per-subject sequence is processed in queue order), different subjects run in parallel. A message without a subject
/// (a screening, a site-level deviation) or one that cannot be read goes by its message id, so a resend meets the
/// original in the same lane. The broker's prefetch bounds what waits in the lanes.
/// </summary>
internal sealed class SubjectLanes
{
    private readonly Channel<LaneItem>[] _lanes;
    private readonly Task[] _workers;

    public SubjectLanes(int count, Func<LaneItem, Task> work)
    {
        _lanes = Enumerable.Range(0, count)
            .Select(_ => Channel.CreateUnbounded<LaneItem>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true }))
            .ToArray();
        _workers = _lanes.Select(lane => Task.Run(async () =>
        {
            await foreach (var item in lane.Reader.ReadAllAsync())
            {
                await work(item);
            }
        })).ToArray();
    }

    public void Post(LaneItem item) => _lanes[LaneOf(item.Delivery.Body, _lanes.Length)].Writer.TryWrite(item);

    /// <summary>Takes no new items; what is queued is still worked (its acks may fail on a dead channel: the broker redelivers).</summary>
    public async Task CompleteAsync()
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        await Task.WhenAll(_workers);
    }

    internal static int LaneOf(byte[] body, int lanes)
    {
        if (lanes == 1)
        {
            return 0;
        }

        var key = KeyOf(body);
        return key is null ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)lanes);
    }

    /// <summary>The subject number, else the message id, else nothing (unreadable: the processor rejects it in lane 0).</summary>
    private static string? KeyOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in (string[])["subjectNumber", "messageId"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return name == "subjectNumber" ? "s:" + value.GetString()!.ToUpperInvariant() : "m:" + value.GetString()!.ToLowerInvariant();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
