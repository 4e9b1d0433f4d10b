using Bunit;
using Ctms.Shared.Signatures;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Ctms.Web.Tests.Signatures;

[Trait("Category", "AccessAudit")]
public sealed class SignatureBadgeTests : IAsyncLifetime
{
    private const string Content = """{"decision":"approved","protocol":"2.0"}""";

    private static readonly SignatureManifestation Signed = new(Guid.NewGuid(), "u-1", "Iris IRB Chair",
        new DateTimeOffset(2026, 11, 28, 14, 5, 0, TimeSpan.Zero), SignatureMeaning.Approval, SignatureHash.Of(Content));

    private readonly BunitContext _bunit = new();

    public Task InitializeAsync()
    {
        _bunit.Services.AddMudServices();
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        return Task.CompletedTask;
    }

    // MudBlazor's services are only asynchronously disposable.
    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private IRenderedComponent<SignatureBadge> Render(Action<ComponentParameterCollectionBuilder<SignatureBadge>> parameters) =>
        _bunit.Render(parameters);

    [Fact]
    public void Shows_printed_name_utc_time_and_meaning_while_the_content_is_unchanged()
    {
        var badge = Render(p => p.Add(b => b.Manifestation, Signed).Add(b => b.Content, Content));

        var text = badge.Find("[data-testid=signature-manifestation]").TextContent;
        Assert.Contains("Signed by Iris IRB Chair on 2026-11-28 14:05 UTC — meaning: approval", text, StringComparison.Ordinal);
        Assert.Empty(badge.FindAll("[data-testid=signature-invalid]"));
    }

    [Fact]
    public void Says_the_signature_is_invalid_once_the_record_changed()
    {
        var badge = Render(p => p.Add(b => b.Manifestation, Signed).Add(b => b.Content, Content.Replace("2.0", "2.1", StringComparison.Ordinal)));

        Assert.Contains("Signature invalid: record changed after signing", badge.Find("[data-testid=signature-invalid]").TextContent, StringComparison.Ordinal);
        Assert.Empty(badge.FindAll("[data-testid=signature-manifestation]"));
    }

    [Fact]
    public void Says_not_signed_without_a_signature()
    {
        var badge = Render(p => p.Add(b => b.Content, Content));

        Assert.Equal("Not signed", badge.Find("[data-testid=signature-none]").TextContent.Trim());
    }
}
