using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.Support;

/// <summary>
/// The real host on a test backend. Settings given here override appsettings; the demo data is seeded with one
/// known password so tests can sign in as any demo user.
/// </summary>
/// <param name="services">Replaces services after the host's own registrations (e.g. a recording stand-in for another module).</param>
public sealed class CtmsAppFactory(TestBackend backend, IReadOnlyDictionary<string, string?>? overrides = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Demo-Password-2026!";

    public TestBackend Backend => backend;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework and library assets (blazor.web.js, MudBlazor) are only found after
        // publishing; from the build output they come through the static web assets manifest.
        builder.UseStaticWebAssets();
        var settings = new Dictionary<string, string?>(backend.Settings)
        {
            ["Storage:DataFolder"] = backend.DataFolder,
            ["Seed:Demo"] = "true",
            ["Seed:DemoPassword"] = DemoPassword,
            ["Seed:DemoSubjects"] = "false", // tests arrange their own subjects (SubjectJourney)
            ["Center:Id"] = "test",
            ["Messaging:Outbox:PollIntervalMilliseconds"] = "500",
            ["DetailedErrors"] = "true",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
