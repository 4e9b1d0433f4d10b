using Ctms.IntegrationTests.Support;

namespace Ctms.IntegrationTests.Foundation;

/// <summary>A wrong setting stops start-up with a message that names the setting and what it accepts.</summary>
[Trait("Category", "Foundation")]
public sealed class HostConfigurationTests
{
    [Theory]
    [InlineData("Database:Provider", "Oracle", "'Database:Provider' has the unknown value 'Oracle'. Valid values: Sqlite | PostgreSql | SqlServer.")]
    [InlineData("Messaging:Transport", "Kafka", "'Messaging:Transport' has the unknown value 'Kafka'. Valid values: InMemory | RabbitMq.")]
    [InlineData("Center:Id", "Center A", "Setting 'Center:Id' must be lower-case letters, digits and '-'")]
    public async Task An_unknown_value_stops_start_up_naming_the_setting_and_the_valid_values(string key, string value, string expected)
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public async Task A_server_database_without_a_connection_string_stops_start_up(string provider)
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Ctms"] = "",
        });

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("'ConnectionStrings:Ctms' is required", error.Message, StringComparison.Ordinal);
        Assert.Contains(provider, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RabbitMq_without_a_host_stops_start_up()
    {
        await using var backend = await TestBackend.SqliteInMemoryBusAsync();
        await using var app = new CtmsAppFactory(backend, new Dictionary<string, string?> { ["Messaging:Transport"] = "RabbitMq" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("'Messaging:RabbitMq:Host' is required", error.Message, StringComparison.Ordinal);
    }
}
