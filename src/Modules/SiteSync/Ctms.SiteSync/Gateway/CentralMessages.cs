using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ctms.SiteSync.Gateway;

/// <summary>Builds the JSON of central → site messages (docs/messaging.md), envelope and body.</summary>
internal static class CentralMessages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static (Guid MessageId, string Json) Build(string type, RegisteredSite site, string? subjectNumber, string? correlationId, object body, DateTimeOffset now)
    {
        var id = Guid.NewGuid();
        var envelope = new Dictionary<string, object?>
        {
            ["messageId"] = id,
            ["type"] = type,
            ["schemaVersion"] = SiteMessageTypes.SchemaVersion,
            ["siteCode"] = site.Code,
            ["subjectNumber"] = subjectNumber,
            ["sentAt"] = Utc(now),
            ["correlationId"] = correlationId,
            ["body"] = body,
        };
        return (id, JsonSerializer.Serialize(envelope, Json));
    }

    public static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Reasons(IEnumerable<Reason> reasons) =>
        JsonSerializer.Serialize(reasons.Select(r => new { field = r.Field, code = r.Code, message = r.Message }), Json);

    public static object Accepted(Guid messageId, string type, string? subjectNumber, string? screeningRef, DateTimeOffset at) =>
        new { messageId, messageType = type, subjectNumber, screeningRef, acceptedAt = Utc(at) };

    public static object Rejected(Guid? messageId, string? type, IEnumerable<Reason> reasons, DateTimeOffset at) =>
        new { messageId, messageType = type, reasons = reasons.Select(r => new { field = r.Field, code = r.Code, message = r.Message }), rejectedAt = Utc(at) };

    public static object EnrollmentDecided(Guid messageId, bool enrolled, string? armName, IEnumerable<Reason> reasons, DateTimeOffset at) =>
        new { messageId, enrolled, armName, reasons = reasons.Select(r => new { field = r.Field, code = r.Code, message = r.Message }), decidedAt = Utc(at) };
}
