using System.Text.Json;

namespace Ctms.SiteAgent;

/// <summary>What `ctms-site status` prints: where each message stands, why rejected ones were, and the central's latest word.</summary>
internal static class StatusReport
{
    public static void Write(LocalStore store, TextWriter output)
    {
        var counts = store.CountByStatus();
        long Count(string s) => counts.TryGetValue(s, out var n) ? n : 0;
        output.WriteLine($"pending {Count("pending")}  forwarded {Count("forwarded")}  accepted {Count("accepted")}  rejected {Count("rejected")}");

        var rejected = store.Rejected(50);
        if (rejected.Count > 0)
        {
            output.WriteLine("\nRejected (latest first):");
            foreach (var (type, subject, sequence, reasons) in rejected)
            {
                output.WriteLine($"  {type} {subject}{(sequence is null ? "" : $" #{sequence}")}: {Describe(reasons)}");
            }
        }

        var updates = store.LatestUpdates();
        var consents = store.AllOfType("ConsentVersionApproved");
        if (updates.Count > 0 || consents.Count > 0)
        {
            output.WriteLine("\nFrom the central:");
            foreach (var (type, subject, json) in updates)
            {
                using var document = JsonDocument.Parse(json);
                var body = document.RootElement.GetProperty("body");
                output.WriteLine(type switch
                {
                    "VisitScheduleUpdated" => $"  {subject} schedule: " + string.Join(", ", body.GetProperty("visits").EnumerateArray().Select(v =>
                        $"{v.GetProperty("visitName").GetString()} {v.GetProperty("planned").GetString()} ({v.GetProperty("earliest").GetString()}…{v.GetProperty("latest").GetString()})")),
                    "ProtocolVersionEffective" => $"  Protocol version in effect: {body.GetProperty("version").GetString()} ({body.GetProperty("protocolVersionId").GetString()}); visits: " +
                        string.Join(", ", body.GetProperty("visits").EnumerateArray().Select(v =>
                            $"{v.GetProperty("visitName").GetString()} day {v.GetProperty("targetDay").GetInt32()} (-{v.GetProperty("windowBefore").GetInt32()}/+{v.GetProperty("windowAfter").GetInt32()})")),
                    _ => $"  {type}{(subject is null ? "" : " " + subject)}: {body.GetRawText()}",
                });
            }

            // One line per approved consent version (a repeat of the same approval is shown once).
            var seen = new HashSet<string>();
            foreach (var json in consents)
            {
                using var document = JsonDocument.Parse(json);
                var body = document.RootElement.GetProperty("body");
                var id = body.GetProperty("consentVersionId").GetString()!;
                if (seen.Add(id))
                {
                    output.WriteLine($"  Consent version approved: {body.GetProperty("version").GetString()} ({id}) for protocol version {body.GetProperty("protocolVersionId").GetString()}");
                }
            }
        }
    }

    private static string Describe(string reasonsJson)
    {
        if (reasonsJson.Length == 0)
        {
            return "(no reason given)";
        }

        using var document = JsonDocument.Parse(reasonsJson);
        return string.Join("; ", document.RootElement.EnumerateArray().Select(r =>
            (r.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() + ": " : "") + r.GetProperty("message").GetString()));
    }
}
