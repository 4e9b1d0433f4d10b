using Ctms.Shared.Audit;

namespace Ctms.Web.Hosting;

/// <summary>
/// <c>Ctms.Web audit verify [settings…]</c>: verifies every module's audit chain against the configured database,
/// prints one line per module (OK, or the first broken entry) and exits 0 when all are intact, 1 otherwise.
/// </summary>
internal static class AuditCommand
{
    public static bool Matches(string[] args) =>
        args.Length >= 2 && args[0] == "audit" && args[1] == "verify";

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var results = await scope.ServiceProvider.GetRequiredService<AuditTrail>().VerifyAllAsync();
            foreach (var result in results)
            {
                Console.WriteLine(result.Display);
            }

            var intact = results.All(r => r.IsIntact);
            Console.WriteLine(intact ? "Audit trail intact." : "Audit trail BROKEN.");
            return intact ? 0 : 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException)
        {
            Console.Error.WriteLine($"Audit verification could not run: {ex.Message}");
            return 1;
        }
    }
}
