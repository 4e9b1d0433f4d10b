using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ctms.Benchmarks.Circuits;

/// <summary>
/// What a headless client needs from a prerendered Blazor Web App page to start its circuit: the interactive
/// server components' start markers (<c>&lt;!--Blazor:{"type":"server",…}--&gt;</c>, in document order) and the
/// persisted component state (<c>&lt;!--Blazor-Server-Component-State:…--&gt;</c>), both as blazor.web.js reads them.
/// </summary>
internal sealed partial record PrerenderedPage(IReadOnlyList<JsonObject> ServerMarkers, string ApplicationState)
{
    public static PrerenderedPage Parse(string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match match in Marker().Matches(html))
        {
            // End markers carry only the prerender id; start markers of other render modes are not ours.
            if (JsonNode.Parse(match.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server")
            {
                markers.Add(marker);
            }
        }

        var state = State().Match(html);
        return new PrerenderedPage(markers, state.Success ? state.Groups[1].Value : "");
    }

    /// <summary>
    /// The <c>UpdateRootComponents</c> batch that adds every server component, shaped as blazor.web.js sends it:
    /// SSR component ids and unique ids are numbered in discovery order, the DOM positions left out.
    /// </summary>
    public string AddOperationsJson(int batchId = 1)
    {
        var operations = new JsonArray();
        for (var i = 0; i < ServerMarkers.Count; i++)
        {
            var marker = (JsonObject)ServerMarkers[i].DeepClone();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        return new JsonObject { ["batchId"] = batchId, ["operations"] = operations }.ToJsonString();
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex State();
}
