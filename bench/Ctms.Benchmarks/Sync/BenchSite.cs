using System.Diagnostics;
using Ctms.IntegrationTests.Support;
using RabbitMQ.Client;

namespace Ctms.Benchmarks.Sync;

/// <summary>
/// One site of the benchmark on the run's virtual host, made by infra/rabbitmq/add-site.sh as an operator would (user,
/// exchanges, quorum queues, permissions), mapped to a demo site whose staff member holds a signed delegation.
/// </summary>
internal sealed record BenchSite(string Code, string Password, Guid SiteId, string EnteredBy)
{
    public string Lower => Code.ToLowerInvariant();
    public string User => $"site-{Lower}";
    public string InboundExchange => $"ctms.site.{Lower}.in";
    public string OutboundQueue => $"ctms.site.{Lower}.out";

    public static async Task<BenchSite> AddAsync(RabbitEndpoint rabbit, Guid siteId, string enteredBy)
    {
        var code = "B" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("bash", [Path.Combine(Measurement.ResultWriter.RepositoryRoot(), "infra", "rabbitmq", "add-site.sh"), code])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["RABBITMQ_API"] = $"http://{rabbit.Host}:{rabbit.ManagementPort}/api";
        start.Environment["RABBITMQ_ADMIN"] = $"{rabbit.Username}:{rabbit.Password}";
        start.Environment["RABBITMQ_VHOST"] = rabbit.VirtualHost;
        start.Environment["SITE_PASSWORD"] = password;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("add-site.sh failed: " + output);
        }

        return new BenchSite(code, password, siteId, enteredBy);
    }

    public Task<IConnection> ConnectAsync(RabbitEndpoint rabbit) => new ConnectionFactory
    {
        HostName = rabbit.Host,
        Port = rabbit.Port,
        VirtualHost = rabbit.VirtualHost,
        UserName = User,
        Password = Password,
        ClientProvidedName = $"bench-{Lower}",
    }.CreateConnectionAsync();

    /// <summary>The site's user is made per run; removing it keeps the broker's user list clean (the vhost goes with the backend).</summary>
    public async Task RemoveAsync(RabbitEndpoint rabbit)
    {
        using var http = rabbit.Management();
        await http.DeleteAsync($"users/{User}");
    }
}
