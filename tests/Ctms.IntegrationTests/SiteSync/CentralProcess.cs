using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Ctms.IntegrationTests.Support;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>
/// The central (Ctms.Web, built beside these tests) as a real process on a test backend, so a test can kill it with
/// SIGKILL and start it again on the same database. Its output goes to <c>central.log</c> in the backend's data folder.
/// </summary>
public sealed class CentralProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TextWriter _log;

    private CentralProcess(Process process, TextWriter log)
    {
        _process = process;
        _log = log;
    }

    public static async Task<CentralProcess> StartAsync(TestBackend backend, IReadOnlyDictionary<string, string?> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [WebDll])
        {
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // As the in-process test host runs it: Production would refuse the demo seed and generated token keys.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        var all = new Dictionary<string, string?>(backend.Settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Storage:DataFolder"] = backend.DataFolder,
            ["Seed:Demo"] = "true",
            ["Seed:DemoPassword"] = CtmsAppFactory.DemoPassword,
            ["Seed:DemoSubjects"] = "false",
            ["Center:Id"] = "test",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        Assert.True(File.Exists(WebDll), $"Ctms.Web is not built at {WebDll}.");
        var log = Path.Combine(backend.DataFolder, "central.log");
        var writer = TextWriter.Synchronized(new StreamWriter(log, append: true) { AutoFlush = true });
        var process = Process.Start(start)!;
        var central = new CentralProcess(process, writer);
        process.OutputDataReceived += (_, e) => central.Write(e.Data);
        process.ErrorDataReceived += (_, e) => central.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await central.WaitUntilAnsweringAsync(port, log);
            return central;
        }
        catch
        {
            await central.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(int port, string log)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        async Task<bool> AnswersAsync()
        {
            Assert.False(_process.HasExited, $"The central exited with code {(_process.HasExited ? _process.ExitCode : 0)}: {Tail(log)}");
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/account/login"));
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false; // not listening yet, or busy starting
            }
        }

        try
        {
            await Eventually.Until(AnswersAsync, answers => answers, "the central's sign-in page", TimeSpan.FromMinutes(3));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The central did not answer within 3 minutes: {Tail(log)}");
        }
    }

    private static string Tail(string log)
    {
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n');
        return string.Join('\n', lines.TakeLast(30));
    }

    private void Write(string? line)
    {
        try
        {
            if (line is not null)
            {
                _log.WriteLine(line);
            }
        }
        catch (ObjectDisposedException)
        {
            // output after the test let go of the process
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, nothing finished.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // bin/<Configuration>/net10.0/
            return Path.Combine(Repo.Root, "src", "Ctms.Web", "bin", configuration, "net10.0", "Ctms.Web.dll");
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
