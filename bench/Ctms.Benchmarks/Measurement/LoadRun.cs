using System.Collections.Concurrent;
using System.Diagnostics;

namespace Ctms.Benchmarks.Measurement;

/// <summary>One timed run: <c>operations</c> calls shared out among <c>callers</c> concurrent loops.</summary>
internal sealed record LoadRunResult(int Operations, int Failures, double OpsPerSecond, double CpuSecondsPer1000, double P95LatencyMs);

internal static class LoadRun
{
    /// <param name="operation">One call; returns false when the call was refused (counted as a failure).</param>
    /// <param name="settle">Awaited after the last call, inside the timing: the run ends when its side effects are done.</param>
    public static async Task<LoadRunResult> RunAsync(int operations, int callers, Func<Task<bool>> operation, Func<Task>? settle = null)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var issued = 0;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref issued) <= operations)
            {
                var started = Stopwatch.GetTimestamp();
                if (!await operation())
                {
                    Interlocked.Increment(ref failures);
                }

                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        if (settle is not null)
        {
            await settle();
        }

        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return new LoadRunResult(operations, failures, operations / wall.Elapsed.TotalSeconds, cpu / operations * 1000, Stats.P95(latencies));
    }
}
