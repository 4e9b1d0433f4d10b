using System.Text;
using System.Text.Json.Nodes;
using Ctms.Benchmarks.Circuits;

namespace Ctms.UnitTests.Benchmarks;

[Trait("Category", "Foundation")]
public class HeadlessCircuitParsingTests
{
    private const string Page = """
        <!DOCTYPE html><html><head><!--Blazor:{"type":"server","prerenderId":"a1","key":{"locationHash":"h1","formattedComponentKey":""},"sequence":0,"descriptor":"CfDJ8Head"}--><title>My sites</title><!--Blazor:{"prerenderId":"a1"}--></head>
        <body><!--Blazor:{"type":"server","prerenderId":"b2","key":{"locationHash":"h2","formattedComponentKey":""},"sequence":1,"descriptor":"CfDJ8Routes"}--><div>…</div><!--Blazor:{"prerenderId":"b2"}-->
        <!--Blazor:{"type":"webassembly","prerenderId":"c3","key":{"locationHash":"h3","formattedComponentKey":""},"assembly":"X","typeName":"Y"}--><!--Blazor:{"prerenderId":"c3"}-->
        <!--Blazor-Server-Component-State:Q2ZESjhTdGF0ZQ==-->
        <script src="_framework/blazor.web.js"></script></body></html>
        """;

    [Fact]
    public void Reads_the_server_start_markers_in_document_order_and_the_component_state()
    {
        var page = PrerenderedPage.Parse(Page);

        Assert.Equal(["CfDJ8Head", "CfDJ8Routes"], page.ServerMarkers.Select(m => (string?)m["descriptor"]));
        Assert.Equal("Q2ZESjhTdGF0ZQ==", page.ApplicationState);
    }

    [Fact]
    public void Builds_add_operations_numbered_as_blazor_web_js_numbers_them()
    {
        var batch = JsonNode.Parse(PrerenderedPage.Parse(Page).AddOperationsJson())!;

        Assert.Equal(1, (int)batch["batchId"]!);
        var operations = batch["operations"]!.AsArray();
        Assert.Equal(2, operations.Count);
        Assert.Equal("add", (string?)operations[1]!["type"]);
        Assert.Equal(2, (int)operations[1]!["ssrComponentId"]!);
        Assert.Equal(1, (int)operations[1]!["marker"]!["uniqueId"]!);
        Assert.Equal("CfDJ8Routes", (string?)operations[1]!["marker"]!["descriptor"]);
    }

    [Fact]
    public void A_page_without_interactive_components_has_no_markers()
    {
        var page = PrerenderedPage.Parse("<html><body><form method=\"post\"></form></body></html>");

        Assert.Empty(page.ServerMarkers);
        Assert.Equal("", page.ApplicationState);
    }

    [Fact]
    public void Finds_the_click_handler_of_the_element_with_the_test_id()
    {
        var batch = new BatchBuilder()
            .Element("button").Attribute("onclick", null, 7).Attribute("class", "other")
            .Element("button").Attribute("class", "mud-icon-button").Attribute("onclick", null, 42).Attribute("data-testid", "toggle-menu")
            .Text("Menu")
            .Build();

        Assert.Equal(42UL, RenderBatchReader.FindEventHandler(batch, "toggle-menu", "onclick"));
    }

    [Fact]
    public void Finds_nothing_when_the_element_has_no_handler_or_is_not_in_the_batch()
    {
        var batch = new BatchBuilder()
            .Element("div").Attribute("data-testid", "toggle-menu")
            .Element("button").Attribute("onclick", null, 9)
            .Build();

        Assert.Null(RenderBatchReader.FindEventHandler(batch, "toggle-menu", "onclick"));
        Assert.Null(RenderBatchReader.FindEventHandler(batch, "absent", "onclick"));
    }

    /// <summary>Writes reference frames and a string table in the render batch layout, with the other sections empty.</summary>
    private sealed class BatchBuilder
    {
        private readonly List<(int Type, int A, int B, ulong Handler)> _frames = [];
        private readonly List<string> _strings = [];

        public BatchBuilder Element(string name) => Add(1, 0, Index(name), 0);

        public BatchBuilder Attribute(string name, string? value, ulong handler = 0) => Add(3, Index(name), value is null ? -1 : Index(value), handler);

        public BatchBuilder Text(string text) => Add(2, Index(text), 0, 0);

        public byte[] Build()
        {
            using var stream = new MemoryStream();
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            var updated = (int)stream.Position;
            writer.Write(0);
            var frames = (int)stream.Position;
            writer.Write(_frames.Count);
            foreach (var (type, a, b, handler) in _frames)
            {
                writer.Write(type);
                writer.Write(a);
                writer.Write(b);
                writer.Write(handler);
            }

            var disposedComponents = (int)stream.Position;
            writer.Write(0);
            var disposedHandlers = (int)stream.Position;
            writer.Write(0);
            var offsets = new List<int>();
            foreach (var s in _strings)
            {
                offsets.Add((int)stream.Position);
                writer.Write(s); // BinaryWriter: 7-bit length prefix, then UTF-8, as the server writes it
            }

            var table = (int)stream.Position;
            offsets.ForEach(writer.Write);
            foreach (var offset in new[] { updated, frames, disposedComponents, disposedHandlers, table })
            {
                writer.Write(offset);
            }

            writer.Flush();
            return stream.ToArray();
        }

        private BatchBuilder Add(int type, int a, int b, ulong handler)
        {
            _frames.Add((type, a, b, handler));
            return this;
        }

        private int Index(string value)
        {
            _strings.Add(value);
            return _strings.Count - 1;
        }
    }
}
