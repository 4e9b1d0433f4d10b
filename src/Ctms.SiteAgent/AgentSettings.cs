using System.Globalization;

namespace Ctms.SiteAgent;

/// <summary>
/// The agent's settings: <c>--name value</c> on the command line, else the environment variable <c>CTMS_SITE_NAME</c>
/// (upper case, '-' becomes '_'), else the default.
/// </summary>
internal sealed class AgentSettings
{
    private readonly Dictionary<string, string> _args;

    private AgentSettings(Dictionary<string, string> args) => _args = args;

    public static AgentSettings Parse(IEnumerable<string> args)
    {
        var parsed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{list[i]}': options are --name value.");
            }

            parsed[list[i][2..]] = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal) ? list[++i] : "true";
        }

        return new AgentSettings(parsed);
    }

    public string? Get(string name) =>
        _args.TryGetValue(name, out var value) ? value
        : Environment.GetEnvironmentVariable("CTMS_SITE_" + name.ToUpperInvariant().Replace('-', '_')) is { Length: > 0 } env ? env
        : null;

    public string Require(string name) =>
        Get(name) ?? throw new ArgumentException($"--{name} (or CTMS_SITE_{name.ToUpperInvariant().Replace('-', '_')}) is required.");

    public string Store => Get("store") ?? "ctms-site.db";
    public string SiteCode => Require("code").ToUpperInvariant();
    public string Host => Get("host") ?? "127.0.0.1";
    public int Port => int.Parse(Get("port") ?? "5672", CultureInfo.InvariantCulture);
    public string VirtualHost => Get("vhost") ?? "/";
    public string Password => Require("password");
    public string EnteredBy => Require("entered-by");
}
