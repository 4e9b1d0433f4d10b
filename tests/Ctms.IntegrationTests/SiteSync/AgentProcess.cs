using System.Diagnostics;
using Ctms.IntegrationTests.Support;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>The site agent (ctms-site) as a separate process for one test site.</summary>
public static class AgentProcess
{
    public static Process Start(RabbitEndpoint rabbit, TestSite site, string store, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [AgentDll, .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["CTMS_SITE_STORE"] = store;
        start.Environment["CTMS_SITE_CODE"] = site.Code;
        start.Environment["CTMS_SITE_PASSWORD"] = site.Password;
        start.Environment["CTMS_SITE_ENTERED_BY"] = "coordinator@demo.ctms";
        start.Environment["CTMS_SITE_HOST"] = rabbit.Host;
        start.Environment["CTMS_SITE_PORT"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CTMS_SITE_VHOST"] = rabbit.VirtualHost;
        Assert.True(File.Exists(AgentDll), $"The agent is not built at {AgentDll}.");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Console.WriteLine("agent: " + e.Data);
        process.ErrorDataReceived += (_, e) => Console.WriteLine("agent: " + e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static async Task<string> RunAsync(RabbitEndpoint rabbit, TestSite site, string store, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [AgentDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CTMS_SITE_STORE"] = store;
        start.Environment["CTMS_SITE_CODE"] = site.Code;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    /// <summary>A one-shot command with the site's settings (no broker needed): its exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(RabbitEndpoint rabbit, TestSite site, string store, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [AgentDll, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CTMS_SITE_STORE"] = store;
        start.Environment["CTMS_SITE_CODE"] = site.Code;
        start.Environment["CTMS_SITE_ENTERED_BY"] = "coordinator@demo.ctms";
        start.Environment["CTMS_SITE_HOST"] = rabbit.Host;
        start.Environment["CTMS_SITE_PORT"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>The agent built beside these tests (same configuration), run with the shared .NET runtime.</summary>
    public static string AgentDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
            return Path.Combine(Repo.Root, "src", "Ctms.SiteAgent", "bin", configuration, "net10.0", "ctms-site.dll");
        }
    }
}
