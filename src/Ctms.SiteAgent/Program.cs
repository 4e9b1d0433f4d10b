using System.Text.Json;
using Ctms.SiteAgent;

// ctms-site <command> [--option value]…  (docs/site-agent.md). Exit codes: 0 done, 1 refused input, 2 usage.
if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.WriteLine(Usage.Text);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var settings = AgentSettings.Parse(args.Skip(1));
    switch (args[0])
    {
        case "run":
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
            using (new LocalStore(settings.Store))
            {
                // creates the store before the first connection, so commands work offline from the start
            }

            await new Forwarder(settings, Console.Out).RunAsync(stop.Token);
            return 0;
        }

        case "status":
        {
            using var store = new LocalStore(settings.Store);
            StatusReport.Write(store, Console.Out);
            return 0;
        }

        case "import":
        {
            using var store = new LocalStore(settings.Store);
            CsvImport.ImportFolder(store, settings, settings.Require("folder"), Console.Out);
            return 0;
        }

        default:
            if (Commands.ToMessage(args[0], settings) is not { } message)
            {
                Console.Error.WriteLine($"Unknown command '{args[0]}'.\n\n{Usage.Text}");
                return 2;
            }

            using (var store = new LocalStore(settings.Store))
            {
                var id = store.Enqueue(settings.SiteCode, settings.EnteredBy, [message]).Single();
                Console.WriteLine($"Enqueued {message.Type} {id}");
            }

            return 0;
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}
catch (JsonException ex)
{
    Console.Error.WriteLine($"--body is not valid JSON: {ex.Message}");
    return 1;
}
