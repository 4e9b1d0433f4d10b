using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ctms.IntegrationTests.Support;
using RabbitMQ.Client;

namespace Ctms.IntegrationTests.SiteSync;

/// <summary>A site set up on the test's virtual host by infra/rabbitmq/add-site.sh, with a unique code and user; removed on dispose.</summary>
public sealed class TestSite : IAsyncDisposable
{
    private readonly RabbitEndpoint _rabbit;

    private TestSite(RabbitEndpoint rabbit, string code, string password)
    {
        _rabbit = rabbit;
        Code = code;
        Password = password;
    }

    public string Code { get; }
    public string Lower => Code.ToLowerInvariant();
    public string User => $"site-{Lower}";
    public string Password { get; }
    public string InboundExchange => $"ctms.site.{Lower}.in";
    public string OutboundQueue => $"ctms.site.{Lower}.out";
    public string ErrorQueue => $"ctms.site.{Lower}.in.error";

    public static async Task<TestSite> AddAsync(RabbitEndpoint rabbit)
    {
        var code = "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var password = "pw-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "infra", "rabbitmq", "add-site.sh"), code])
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
        Assert.True(process.ExitCode == 0, "add-site.sh failed: " + output);
        return new TestSite(rabbit, code, password);
    }

    public async Task<IConnection> ConnectAsync(string? user = null, string? password = null) =>
        await new ConnectionFactory
        {
            HostName = _rabbit.Host,
            Port = _rabbit.Port,
            VirtualHost = _rabbit.VirtualHost,
            UserName = user ?? User,
            Password = password ?? Password,
        }.CreateConnectionAsync();

    public async ValueTask DisposeAsync()
    {
        using var http = _rabbit.Management();
        await http.DeleteAsync($"users/{User}");
    }
}

/// <summary>A site's side of docs/messaging.md: publish with confirms as the site's user, read answers from its outbound queue.</summary>
public sealed class SiteLink : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _channel;

    private SiteLink(TestSite site, IConnection connection, IChannel channel)
    {
        Site = site;
        _connection = connection;
        _channel = channel;
    }

    public TestSite Site { get; }

    public static async Task<SiteLink> OpenAsync(TestSite site)
    {
        var connection = await site.ConnectAsync();
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        return new SiteLink(site, connection, channel);
    }

    public async Task PublishAsync(string json, string? messageId = null, string? userId = null, string? type = null)
    {
        var properties = new BasicProperties
        {
            MessageId = messageId,
            Type = type,
            UserId = userId ?? Site.User,
            ContentType = "application/json",
            DeliveryMode = DeliveryModes.Persistent,
        };
        await _channel.BasicPublishAsync(Site.InboundExchange, type ?? "", false, properties, Encoding.UTF8.GetBytes(json));
    }

    public Task PublishAsync(SiteMessage message) => PublishAsync(message.Json, message.MessageId.ToString(), type: message.Type);

    /// <summary>Every message currently in the outbound queue, answers and central updates (acknowledged, so each is read once).</summary>
    public async Task<IReadOnlyList<JsonElement>> DrainAsync()
    {
        var messages = new List<JsonElement>();
        while (await _channel.BasicGetAsync(Site.OutboundQueue, autoAck: true) is { } result)
        {
            messages.Add(JsonDocument.Parse(result.Body).RootElement.Clone());
        }

        return messages;
    }

    /// <summary>
    /// The answers to site messages currently in the outbound queue. Central updates read with them are dropped: a test site
    /// maps to a demo site, so the demo seed's IRB approvals reach it as protocol and consent updates that answer nothing.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> DrainAnswersAsync() =>
        (await DrainAsync()).Where(m => m.GetProperty("type").GetString() is "MessageAccepted" or "MessageRejected" or "EnrollmentDecided").ToList();

    public async ValueTask DisposeAsync()
    {
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

/// <summary>A site → central message as a site system would write it.</summary>
public sealed record SiteMessage(Guid MessageId, string Type, string Json)
{
    public static SiteMessage Create(string siteCode, string type, object body, string? subjectNumber = null, int? sequence = null,
        string enteredBy = "coordinator@demo.ctms", Guid? messageId = null, int schemaVersion = 1)
    {
        var id = messageId ?? Guid.NewGuid();
        var envelope = new Dictionary<string, object?>
        {
            ["messageId"] = id,
            ["type"] = type,
            ["schemaVersion"] = schemaVersion,
            ["siteCode"] = siteCode,
            ["sentAt"] = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["enteredBy"] = enteredBy,
            ["body"] = body,
        };
        if (subjectNumber is not null)
        {
            envelope["subjectNumber"] = subjectNumber;
            envelope["sequence"] = sequence;
        }

        return new SiteMessage(id, type, JsonSerializer.Serialize(envelope));
    }

    public static SiteMessage Deviation(string siteCode, string description, string? subjectNumber = null, int? sequence = null, Guid? messageId = null) =>
        Create(siteCode, "DeviationReported", new
        {
            category = "procedure",
            severity = "minor",
            description,
            occurredOn = "2026-11-20",
            identifiedOn = "2026-11-21",
        }, subjectNumber, sequence, messageId: messageId);

    public static SiteMessage Visit(string siteCode, string subjectNumber, int sequence, string visitName, string? outOfWindowReason = null) =>
        Create(siteCode, "VisitOccurred", new { visitName, occurredOn = "2026-11-20", outOfWindowReason }, subjectNumber, sequence);
}

public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Ctms.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ctms.sln not found above the test output folder.");
    }
}
