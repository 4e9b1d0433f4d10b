using System.Runtime.InteropServices;

namespace Ctms.Benchmarks.Measurement;

/// <summary>What the figures were measured on, with the 1/5/15-minute load average (the machine is shared): written beside every result.</summary>
internal sealed record MachineInfo(int Cores, string Memory, string Os, string Dotnet, string LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        TotalMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");

    public override string ToString() => $"{Cores} cores, {Memory}, {Os}, {Dotnet}, load {LoadAverage} at the end";

    private static string TotalMemory()
    {
        var bytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return $"{bytes / (1024.0 * 1024 * 1024):F1} GB";
    }
}
