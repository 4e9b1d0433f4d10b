using Ctms.IntegrationTests.Support;
using Ctms.Shared.Demo;
using Ctms.Subjects.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>The central host with its site-sync gateway on for one test site (SEL01's id), the Subjects side recorded.</summary>
public static class GatewayHost
{
    /// <param name="log">The recording stand-in's log; null runs the real Subjects module (and requires a signed delegation).</param>
    public static CtmsAppFactory Start(TestBackend backend, TestSite site, EntryLog? log, int parkSeconds = 300, params TestSite[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["SiteSync:Gateway:Enabled"] = "true",
            ["SiteSync:Gateway:RequireDelegation"] = log is null ? "true" : "false",
            ["SiteSync:Gateway:ParkSeconds"] = parkSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"SiteSync:Sites:{site.Code}"] = DemoIds.SiteOncologySeoul.ToString(),
        };
        foreach (var other in more)
        {
            settings[$"SiteSync:Sites:{other.Code}"] = DemoIds.SiteOncologyBusan.ToString();
        }

        var app = new CtmsAppFactory(backend, settings, log is null ? null : services =>
        {
            services.AddSingleton(log);
            services.AddScoped<ISiteDataEntry, RecordingSiteDataEntry>();
        });
        _ = app.Server;
        return app;
    }
}
