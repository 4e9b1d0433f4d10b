using System.Net.Http.Headers;
using System.Text;
using Npgsql;

namespace Ctms.IntegrationTests.Support;

/// <summary>
/// An isolated database and bus for one test: a SQLite file in a temp folder, or a fresh PostgreSQL database;
/// the in-memory bus, or a fresh RabbitMQ virtual host. Disposing drops what it created.
/// </summary>
public sealed class TestBackend : IAsyncDisposable
{
    private readonly Func<Task> _cleanup;

    private TestBackend(string name, IReadOnlyDictionary<string, string?> settings, string dataFolder, Func<Task> cleanup, RabbitEndpoint? rabbit)
    {
        Name = name;
        Settings = settings;
        DataFolder = dataFolder;
        _cleanup = cleanup;
        Rabbit = rabbit;
    }

    public string Name { get; }
    public IReadOnlyDictionary<string, string?> Settings { get; }
    public string DataFolder { get; }
    public RabbitEndpoint? Rabbit { get; }

    public override string ToString() => Name;

    public static Task<TestBackend> SqliteInMemoryBusAsync()
    {
        var folder = NewDataFolder();
        return Task.FromResult(new TestBackend("sqlite+in-memory", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Messaging:Transport"] = "InMemory",
        }, folder, () => DeleteFolder(folder), null));
    }

    /// <summary>A SQLite database and a RabbitMQ virtual host of its own.</summary>
    public static async Task<TestBackend> SqliteRabbitAsync()
    {
        if (ExternalServices.MissingReason(postgres: false, rabbitMq: true) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var rabbit = RabbitEndpoint.Parse(ExternalServices.RabbitMq!, $"ctms-t-{Guid.NewGuid().ToString("N")[..12]}");
        await rabbit.CreateVirtualHostAsync();
        var shared = await SqliteOnSharedRabbitAsync(rabbit);
        return new TestBackend("sqlite+rabbitmq", shared.Settings, shared.DataFolder, async () =>
        {
            await shared.DisposeAsync();
            await rabbit.DeleteVirtualHostAsync();
        }, rabbit);
    }

    /// <summary>A SQLite database of its own on a RabbitMQ virtual host that another backend owns (a second center).</summary>
    public static Task<TestBackend> SqliteOnSharedRabbitAsync(RabbitEndpoint rabbit)
    {
        var folder = NewDataFolder();
        var settings = rabbit.BusSettings();
        settings["Database:Provider"] = "Sqlite";
        return Task.FromResult(new TestBackend("sqlite+rabbitmq(shared)", settings, folder, () => DeleteFolder(folder), rabbit));
    }

    public static async Task<TestBackend> PostgresRabbitAsync()
    {
        if (ExternalServices.MissingReason(postgres: true, rabbitMq: true) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var rabbit = RabbitEndpoint.Parse(ExternalServices.RabbitMq!, $"ctms-t-{Guid.NewGuid().ToString("N")[..12]}");
        await rabbit.CreateVirtualHostAsync();
        return await PostgresOnRabbitAsync(rabbit);
    }

    /// <summary>A fresh PostgreSQL database on a virtual host the caller made (e.g. on a private node); disposing deletes both.</summary>
    public static async Task<TestBackend> PostgresOnRabbitAsync(RabbitEndpoint rabbit)
    {
        if (ExternalServices.MissingReason(postgres: true, rabbitMq: false) is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var folder = NewDataFolder();
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var database = $"ctms_t_{suffix}";
        var admin = new NpgsqlConnectionStringBuilder(ExternalServices.Postgres);
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE \"{database}\"");
        var testDb = new NpgsqlConnectionStringBuilder(ExternalServices.Postgres) { Database = database, Pooling = true };

        var settings = rabbit.BusSettings();
        settings["Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Ctms"] = testDb.ConnectionString;
        return new TestBackend("postgresql+rabbitmq", settings, folder, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
            catch (PostgresException ex)
            {
                // Cleanup only: a left-over test database is no test failure, but say so.
                Console.Error.WriteLine($"Could not drop test database {database}: {ex.MessageText}");
            }

            await rabbit.DeleteVirtualHostAsync();
            await DeleteFolder(folder);
        }, rabbit);
    }

    public ValueTask DisposeAsync() => new(_cleanup());

    private static string NewDataFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ctms-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static Task DeleteFolder(string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a finishing host: the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>A RabbitMQ broker and a virtual host of the test's own, made and removed through the management API.</summary>
public sealed record RabbitEndpoint(string Host, int Port, string Username, string Password, string VirtualHost, int ManagementPort)
{
    public static RabbitEndpoint Parse(string amqpUri, string virtualHost)
    {
        var uri = new Uri(amqpUri);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = Uri.UnescapeDataString(uri.UserInfo.Split(':').ElementAtOrDefault(1) ?? "");
        var management = int.TryParse(Environment.GetEnvironmentVariable("CTMS_TEST_RABBITMQ_MANAGEMENT_PORT"), out var p) ? p : 15672;
        return new RabbitEndpoint(uri.Host, uri.Port > 0 ? uri.Port : 5672, user, password, virtualHost, management);
    }

    /// <summary>The host settings that put the bus on this broker and virtual host.</summary>
    public Dictionary<string, string?> BusSettings() => new()
    {
        ["Messaging:Transport"] = "RabbitMq",
        ["Messaging:RabbitMq:Host"] = Host,
        ["Messaging:RabbitMq:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Messaging:RabbitMq:VirtualHost"] = VirtualHost,
        ["Messaging:RabbitMq:Username"] = Username,
        ["Messaging:RabbitMq:Password"] = Password,
    };

    public HttpClient Management()
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://{Host}:{ManagementPort}/api/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        return client;
    }

    public async Task CreateVirtualHostAsync()
    {
        using var http = Management();
        var vhost = Uri.EscapeDataString(VirtualHost);
        (await http.PutAsync($"vhosts/{vhost}", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await http.PutAsync($"permissions/{vhost}/{Uri.EscapeDataString(Username)}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    public async Task DeleteVirtualHostAsync()
    {
        using var http = Management();
        await http.DeleteAsync($"vhosts/{Uri.EscapeDataString(VirtualHost)}");
    }
}
