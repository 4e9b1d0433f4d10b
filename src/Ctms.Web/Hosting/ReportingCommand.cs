using Ctms.Reporting;

namespace Ctms.Web.Hosting;

/// <summary>
/// <c>Ctms.Web reporting rebuild [settings…]</c>: recomputes the reporting read model from the owning modules' data in the
/// configured database (which the app must have migrated already), prints one line per trial and exits 0, or 1 on failure.
/// </summary>
internal static class ReportingCommand
{
    public static bool Matches(string[] args) =>
        args.Length >= 2 && args[0] == "reporting" && args[1] == "rebuild";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        try
        {
            return await ReportingModule.RebuildReadModelAsync(services, Console.Out);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"The read model could not be rebuilt: {ex.Message}");
            return 1;
        }
    }
}
