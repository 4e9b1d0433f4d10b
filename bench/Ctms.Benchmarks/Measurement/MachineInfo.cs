using System.Runtime.InteropServices;

namespace Ctms.Benchmarks.Measurement;

/// <summary>What the figures were measured on: written beside every result.</summary>
internal sealed record MachineInfo(int Cores, string Memory, string Os, string Dotnet)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        TotalMemory(),
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    public override string ToString() => $"{Cores} cores, {Memory}, {Os}, {Dotnet}";

    private static string TotalMemory()
    {
        var bytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        return $"{bytes / (1024.0 * 1024 * 1024):F1} GB";
    }
}
