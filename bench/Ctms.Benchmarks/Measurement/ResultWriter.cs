using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Ctms.Benchmarks.Measurement;

/// <summary>One measured comparison: a figure against its same-run baseline, and the goal it is held to.</summary>
internal sealed record Finding(string Case, string Figures, double Ratio, string Goal, bool Met);

/// <summary>
/// Writes <c>bench/results/&lt;scenario&gt;.json</c> and appends one row per finding to the table in
/// <c>docs/performance.md</c>.
/// </summary>
internal static class ResultWriter
{
    private const string TableHeader = "| date (UTC) | scenario | case | figures | ratio | goal | met | machine | mode |";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // Wall-clock time of the scenario so far: the issue holds every `--quick` run to two minutes, so each row says how long its run took.
    private static System.Diagnostics.Stopwatch scenarioClock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Called by the program as each scenario starts (setup included, build excluded).</summary>
    public static void ScenarioStarted() => scenarioClock = System.Diagnostics.Stopwatch.StartNew();

    public static async Task WriteAsync(string scenario, bool quick, object details, IReadOnlyList<Finding> findings)
    {
        var root = RepositoryRoot();
        var machine = MachineInfo.Current();
        var now = DateTimeOffset.UtcNow;
        var elapsed = scenarioClock.Elapsed;
        var took = elapsed.TotalMinutes >= 1 ? $"{(int)elapsed.TotalMinutes} min {elapsed.Seconds} s" : $"{elapsed.Seconds} s";
        var resultsFolder = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(resultsFolder);
        var json = JsonSerializer.Serialize(new { scenario, quick, dateUtc = now, durationSeconds = Math.Round(elapsed.TotalSeconds), machine, findings, details }, Json);
        await File.WriteAllTextAsync(Path.Combine(resultsFolder, $"{scenario}.json"), json + "\n");

        var doc = Path.Combine(root, "docs", "performance.md");
        var text = File.Exists(doc) ? await File.ReadAllTextAsync(doc) : "";
        if (!text.Contains(TableHeader, StringComparison.Ordinal))
        {
            text += $"\n## Results\n\n{TableHeader}\n|---|---|---|---|---|---|---|---|---|\n";
        }

        var rows = new StringBuilder();
        foreach (var f in findings)
        {
            rows.Append(CultureInfo.InvariantCulture,
                $"| {now:yyyy-MM-dd HH:mm} | {scenario} | {f.Case} | {f.Figures} | {f.Ratio:F2} | {f.Goal} | {(f.Met ? "met" : "**not met**")} | {machine} | {(quick ? "quick" : "full")}, {took} |\n");
        }

        // Rows go right after the table's last row, so text after the table stays after it.
        var start = text.IndexOf(TableHeader, StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        text = end < 0 ? text.TrimEnd('\n') + "\n" + rows : text[..(end + 1)] + rows + text[(end + 1)..];
        await File.WriteAllTextAsync(doc, text);
        foreach (var f in findings)
        {
            Console.WriteLine($"{scenario} | {f.Case} | {f.Figures} | ratio {f.Ratio:F2} | goal {f.Goal} | {(f.Met ? "met" : "NOT MET")}");
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ctms.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository: Ctms.sln not found above " + AppContext.BaseDirectory);
    }
}
