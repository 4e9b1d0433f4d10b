using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ctms.Benchmarks.Measurement;

namespace Ctms.Benchmarks.Scenarios;

/// <summary>
/// The embedded default (SQLite, in-memory bus, demo seed) started as <c>dotnet Ctms.Web.dll</c>: cold on a fresh
/// data folder (creates the database, migrates, seeds) and, as the same-run baseline, again on that folder
/// (warm database). Timed from process start to <c>/account/login</c> answering 200.
/// </summary>
internal static class StartupScenario
{
    private const double GoalSeconds = 5;

    public static async Task RunAsync(bool quick)
    {
        var runs = quick ? 3 : 5;
        var web = WebDll();
        var cold = new List<double>();
        var warm = new List<double>();
        // Without --quick a first pair (run -1) warms the file cache and is not counted; --quick skips it to stay short.
        for (var run = quick ? 0 : -1; run < runs; run++)
        {
            var folder = Path.Combine(Path.GetTempPath(), "ctms-bench", Guid.NewGuid().ToString("N"));
            try
            {
                var coldSeconds = await StartToFirstPageAsync(web, folder);
                var warmSeconds = await StartToFirstPageAsync(web, folder);
                if (run >= 0)
                {
                    cold.Add(coldSeconds);
                    warm.Add(warmSeconds);
                }
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        var (coldMedian, warmMedian) = (Stats.Median(cold), Stats.Median(warm));
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{runs} runs: cold (fresh data folder) median {coldMedian:F2} s, max {cold.Max():F2} s; second start (existing database) median {warmMedian:F2} s");
        await ResultWriter.WriteAsync("startup", quick, new { runs, coldSeconds = cold, warmSeconds = warm, web },
            [new Finding("embedded default, SQLite + in-memory bus; ratio = cold ÷ second start", figures, coldMedian / warmMedian, "cold ≤ 5 s", coldMedian <= GoalSeconds)]);
    }

    private static async Task<double> StartToFirstPageAsync(string webDll, string dataFolder)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(webDll);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataFolder"] = dataFolder;
        start.Environment.Remove("Logging__LogLevel__Default"); // the app's own logging, as shipped
        // As `dotnet run` starts it (launchSettings.json): Production refuses the demo seed since the security hardening.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        // Connection refused fails at once; once Kestrel listens, the first page may take long under load.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(300) };
        var url = new Uri($"http://127.0.0.1:{port}/account/login");
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Ctms.Web exited with code {process.ExitCode} before answering.");
                }

                if (watch.Elapsed > TimeSpan.FromSeconds(300)) // a cold start took over 60 s at load averages near 40
                {
                    throw new TimeoutException("Ctms.Web did not answer /account/login within 300 s.");
                }

                try
                {
                    using var response = await http.GetAsync(url);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return watch.Elapsed.TotalSeconds;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(20);
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>The Ctms.Web build that the benchmark's own build produced (same configuration).</summary>
    private static string WebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(ResultWriter.RepositoryRoot(), "src", "Ctms.Web", "bin", configuration, "net10.0", "Ctms.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build Ctms.Web first (dotnet build -c " + configuration + ").", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
