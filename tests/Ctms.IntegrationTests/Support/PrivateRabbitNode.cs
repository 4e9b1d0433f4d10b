using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ctms.IntegrationTests.Support;

/// <summary>
/// A RabbitMQ node of the test's own (own node name, ports, data folder), with the management plugin so the usual
/// helpers (virtual hosts, infra/rabbitmq/add-site.sh) work on it. Tests stop and start it to play a broker outage
/// without touching the shared broker other test projects use. Disposing shuts it down and deletes its folder.
/// </summary>
public sealed class PrivateRabbitNode : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin/";
    private static readonly Lock LogLock = new();
    private readonly string _folder;
    private readonly Dictionary<string, string> _environment;
    private Process? _server;

    private PrivateRabbitNode(string folder, string nodeName, int amqpPort, int managementPort, Dictionary<string, string> environment)
    {
        _folder = folder;
        NodeName = nodeName;
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
        _environment = environment;
    }

    public string NodeName { get; }
    public int AmqpPort { get; }
    public int ManagementPort { get; }

    /// <summary>Why a private node cannot run here (no RabbitMQ installed), or null.</summary>
    public static string? MissingReason => File.Exists(Bin + "rabbitmq-server") ? null : $"RabbitMQ is not installed ({Bin}rabbitmq-server).";

    /// <summary>The broker as the central and the site helpers see it, on a fresh virtual host of <paramref name="virtualHost"/>.</summary>
    public async Task<RabbitEndpoint> EndpointAsync(string virtualHost)
    {
        var endpoint = new RabbitEndpoint("127.0.0.1", AmqpPort, "guest", "guest", virtualHost, ManagementPort);
        await endpoint.CreateVirtualHostAsync();
        return endpoint;
    }

    public static async Task<PrivateRabbitNode> StartAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var folder = Path.Combine(Path.GetTempPath(), "ctms-rabbit", id);
        foreach (var sub in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        var (amqp, dist, management) = (FreePort(), FreePort(), FreePort());
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[rabbitmq_management].");
        await File.WriteAllTextAsync(Path.Combine(folder, "rabbitmq.conf"),
            $"listeners.tcp.default = {amqp}\nloopback_users = none\nmanagement.tcp.port = {management}\nmanagement.tcp.ip = 127.0.0.1\n");
        var nodeName = $"ctmst{id}@localhost";
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(folder, "home"),
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_PORT"] = amqp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = dist.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "pid"),
        };
        var node = new PrivateRabbitNode(folder, nodeName, amqp, management, environment);
        try
        {
            node._server = node.Launch("rabbitmq-server");
            await node.WaitUntilRunningAsync();
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }

        return node;
    }

    /// <summary>A broker outage: the node stays up, RabbitMQ inside it stops (connections drop, quorum queues keep their messages).</summary>
    public Task StopAppAsync() => CtlAsync("stop_app");

    public async Task StartAppAsync()
    {
        await CtlAsync("start_app");
        await WaitUntilRunningAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_server is { HasExited: false })
            {
                await CtlAsync("shutdown");
            }
        }
        catch (InvalidOperationException)
        {
            // shutdown refused: the kill below ends it
        }
        finally
        {
            if (_server is { HasExited: false })
            {
                _server.Kill(entireProcessTree: true);
            }

            _server?.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // files of a dying node: the temp folder is cleaned by the OS
            }
        }
    }

    private async Task WaitUntilRunningAsync()
    {
        try
        {
            await Eventually.Until(IsRunningAsync, running => running, $"the private RabbitMQ node {NodeName}", TimeSpan.FromSeconds(90));
        }
        catch (TimeoutException)
        {
            throw await DidNotStartAsync();
        }
    }

    private async Task<bool> IsRunningAsync()
    {
        if (_server is { HasExited: true })
        {
            throw await DidNotStartAsync();
        }

        using var check = Launch("rabbitmq-diagnostics", "-n", NodeName, "-q", "check_running");
        await check.WaitForExitAsync();
        // check_running answers before the AMQP listener accepts; wait for the ports too.
        return check.ExitCode == 0 && await PortOpenAsync(AmqpPort) && await PortOpenAsync(ManagementPort);
    }

    private async Task<InvalidOperationException> DidNotStartAsync()
    {
        var log = File.Exists(Path.Combine(_folder, "out.log")) ? await File.ReadAllTextAsync(Path.Combine(_folder, "out.log")) : "";
        return new InvalidOperationException($"The private RabbitMQ node {NodeName} did not start. {log}");
    }

    private async Task CtlAsync(string command)
    {
        using var ctl = Launch("rabbitmqctl", "-n", NodeName, command);
        await ctl.WaitForExitAsync();
        if (ctl.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} on {NodeName} failed with exit code {ctl.ExitCode}.");
        }
    }

    private Process Launch(string tool, params string[] arguments)
    {
        // Not /usr/sbin/rabbitmq-server: that wrapper switches to the rabbitmq user, which cannot read our folder.
        var start = new ProcessStartInfo(Bin + tool, arguments)
        {
            WorkingDirectory = _folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        var log = Path.Combine(_folder, tool == "rabbitmq-server" ? "out.log" : "ctl.log");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(string path, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (LogLock)
        {
            try
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
            catch (IOException)
            {
                // folder deleted at dispose
            }
        }
    }

    private static async Task<bool> PortOpenAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
