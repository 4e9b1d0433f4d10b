using Ctms.Benchmarks.Scenarios;

namespace Ctms.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Ctms.Benchmarks -- &lt;enroll|recognition|startup|circuits|dashboard|all&gt; [--quick]</c>.
/// (Not a top-level program: Ctms.Web's <c>Program</c> is the type the test host is built from.)
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.FirstOrDefault() == Circuits.CircuitClientProcess.Command)
        {
            return await Circuits.CircuitClientProcess.RunAsync(new Uri(args[1]));
        }

        var quick = args.Contains("--quick");
        // WebApplicationFactory finds Ctms.Web's content root through MvcTestingAppManifest.json in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        // The hosts under test log warnings only, so console output does not weigh on the timings (startup restores the default).
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "";
        Func<bool, Task>[] run = scenario switch
        {
            "enroll" => [EnrollScenario.RunAsync],
            "recognition" => [RecognitionScenario.RunAsync],
            "startup" => [StartupScenario.RunAsync],
            "circuits" => [CircuitsScenario.RunAsync],
            "sync" => [SyncScenario.RunAsync],
            "dashboard" => [DashboardScenario.RunAsync],
            "all" => [EnrollScenario.RunAsync, RecognitionScenario.RunAsync, StartupScenario.RunAsync, CircuitsScenario.RunAsync, SyncScenario.RunAsync, DashboardScenario.RunAsync],
            _ => [],
        };
        if (run.Length == 0)
        {
            Console.Error.WriteLine("Usage: Ctms.Benchmarks <enroll|recognition|startup|circuits|sync|dashboard|all> [--quick]");
            return 2;
        }

        foreach (var scenarioRun in run)
        {
            Measurement.ResultWriter.ScenarioStarted();
            await scenarioRun(quick);
        }

        return 0;
    }
}
