using System.Globalization;
using System.Text.Json;

namespace Ctms.SiteSync.Gateway;

/// <summary>A reason a message was refused: the JSON path at fault (or null), a code from docs/messaging.md, a sentence.</summary>
internal sealed record Reason(string? Field, string Code, string Message);

/// <summary>The envelope of a site → central message (docs/messaging.md). Body is kept as JSON for the type's reader.</summary>
internal sealed record SiteEnvelope(
    Guid MessageId,
    string Type,
    int SchemaVersion,
    string SiteCode,
    string? SubjectNumber,
    int? Sequence,
    DateTimeOffset SentAt,
    string? CorrelationId,
    string EnteredBy,
    JsonElement Body);

/// <summary>Reads the envelope by hand so that every fault is reported with its field, not as one exception.</summary>
internal static class SiteEnvelopeReader
{
    private static readonly HashSet<string> Known =
        ["messageId", "type", "schemaVersion", "siteCode", "subjectNumber", "sequence", "sentAt", "correlationId", "enteredBy", "body"];

    /// <summary>The message id when the JSON is an object carrying one, whatever else is wrong.</summary>
    public static Guid? MessageIdOf(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("messageId", out var id) && id.ValueKind == JsonValueKind.String &&
        Guid.TryParse(id.GetString(), out var guid) && guid != Guid.Empty ? guid : null;

    public static string? TypeOf(JsonElement root) =>
        root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    public static (SiteEnvelope? Envelope, List<Reason> Reasons) Read(JsonElement root)
    {
        var reasons = new List<Reason>();
        foreach (var property in root.EnumerateObject().Where(p => !Known.Contains(p.Name)))
        {
            reasons.Add(new Reason(property.Name, "invalid", $"'{property.Name}' is not an envelope field."));
        }

        var messageId = MessageIdOf(root) ?? Guid.Empty;
        var type = String(root, "type", 50, required: true, reasons);
        var schemaVersion = root.TryGetProperty("schemaVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) ? version : (int?)null;
        if (schemaVersion is null)
        {
            reasons.Add(new Reason("schemaVersion", "invalid", "schemaVersion is required and must be a whole number."));
        }

        var siteCode = String(root, "siteCode", 20, required: true, reasons);
        var subjectNumber = String(root, "subjectNumber", 50, required: false, reasons);
        int? sequence = null;
        if (root.TryGetProperty("sequence", out var s) && s.ValueKind != JsonValueKind.Null)
        {
            if (s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) && n >= 1)
            {
                sequence = n;
            }
            else
            {
                reasons.Add(new Reason("sequence", "invalid", "sequence must be a whole number from 1."));
            }
        }

        DateTimeOffset sentAt = default;
        var sentAtText = String(root, "sentAt", 40, required: true, reasons);
        if (sentAtText is not null && (!DateTimeOffset.TryParse(sentAtText, CultureInfo.InvariantCulture, DateTimeStyles.None, out sentAt) ||
                                       !sentAtText.EndsWith('Z')))
        {
            reasons.Add(new Reason("sentAt", "invalid", "sentAt must be an ISO 8601 instant in UTC ending in 'Z'."));
        }

        var correlationId = String(root, "correlationId", 100, required: false, reasons);
        var enteredBy = String(root, "enteredBy", 256, required: true, reasons);
        if (enteredBy is not null && !enteredBy.Contains('@', StringComparison.Ordinal))
        {
            reasons.Add(new Reason("enteredBy", "invalid", "enteredBy must be the email address of a Ctms user."));
        }

        if (!root.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
        {
            reasons.Add(new Reason("body", "invalid", "body is required and must be a JSON object."));
        }

        return reasons.Count > 0 || type is null || siteCode is null || enteredBy is null || schemaVersion is null
            ? (null, reasons)
            : (new SiteEnvelope(messageId, type, schemaVersion.Value, siteCode, subjectNumber, sequence, sentAt, correlationId, enteredBy, body.Clone()), reasons);
    }

    private static string? String(JsonElement root, string name, int maxLength, bool required, List<Reason> reasons)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                reasons.Add(new Reason(name, "invalid", $"{name} is required."));
            }

            return null;
        }

        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            reasons.Add(new Reason(name, "invalid", $"{name} must be a non-empty string."));
            return null;
        }

        var text = value.GetString()!;
        if (text.Length > maxLength)
        {
            reasons.Add(new Reason(name, "invalid", $"{name} must be at most {maxLength} characters."));
            return null;
        }

        return text;
    }
}
