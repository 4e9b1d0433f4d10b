using System.Text.Json;

namespace Ctms.Irb.Features.Signing;

/// <summary>
/// One fixed serialisation for signed payloads (camelCase, no whitespace, ISO dates). The verifier checks the exact
/// bytes it received, so canonical form matters only to the signer; it keeps payloads comparable across centers.
/// </summary>
internal static class CanonicalJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options);
}
