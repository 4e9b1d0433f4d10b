using Bunit;
using Ctms.Shared.Security;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace Ctms.Web.Tests.Security;

/// <summary>A 6-second timeout with a 3-second warning, on a fake clock.</summary>
[Trait("Category", "AccessAudit")]
public sealed class IdleSignOutTests : IAsyncLifetime
{
    private readonly BunitContext _bunit = new();
    private readonly FakeTimeProvider _time = new();
    private BunitJSModuleInterop _tracker = default!;

    public Task InitializeAsync()
    {
        _bunit.Services.AddMudServices();
        _bunit.Services.AddSingleton<TimeProvider>(_time);
        _bunit.Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Security:IdleTimeoutMinutes"] = "0.1",
            ["Security:IdleWarningSeconds"] = "3",
        }).Build());
        _bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        _tracker = _bunit.JSInterop.SetupModule("./_content/Ctms.Shared/idle-tracker.js");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bunit.DisposeAsync();

    private void Advance(double seconds)
    {
        // In small steps, as a real clock would tick.
        for (var i = 0; i < seconds * 10; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }
    }

    private string Uri => _bunit.Services.GetRequiredService<NavigationManager>().Uri;

    [Fact]
    public void Activity_keeps_the_session_the_warning_shows_before_the_timeout_and_stay_signed_in_resets_it()
    {
        var idle = _bunit.Render<IdleSignOut>();
        Assert.Single(_tracker.Invocations, i => i.Identifier == "start");

        Advance(2.5);
        idle.InvokeAsync(idle.Instance.Activity);
        Advance(2.5);
        Assert.Empty(idle.FindAll("[data-testid=idle-warning]"));

        Advance(1);
        idle.WaitForAssertion(() => Assert.NotEmpty(idle.FindAll("[data-testid=idle-warning]")));
        // Once warned, only the button counts: moving the mouse does not dismiss it.
        idle.InvokeAsync(idle.Instance.Activity);
        Advance(0.5);
        idle.WaitForAssertion(() => Assert.NotEmpty(idle.FindAll("[data-testid=idle-warning]")));

        idle.Find("[data-testid=idle-stay]").Click();
        Assert.Empty(idle.FindAll("[data-testid=idle-warning]"));
        Advance(2.5);
        Assert.Empty(idle.FindAll("[data-testid=idle-warning]"));
        Assert.DoesNotContain(IdleSignOut.SignOutPath, Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_activity_it_signs_out_after_the_timeout()
    {
        var idle = _bunit.Render<IdleSignOut>();

        Advance(5.5);
        Assert.DoesNotContain(IdleSignOut.SignOutPath, Uri, StringComparison.Ordinal);
        Advance(1);

        idle.WaitForAssertion(() => Assert.EndsWith(IdleSignOut.SignOutPath, Uri, StringComparison.Ordinal));
    }
}
