using Ctms.Shared.Messaging;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class UsageTelemetryTests
{
    [Theory]
    [InlineData("InMemory")]
    [InlineData("RabbitMq")]
    public void The_bus_reports_no_usage_telemetry_to_its_vendor(string transport)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = transport,
            ["Messaging:RabbitMq:Host"] = "127.0.0.1",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddCtmsMessaging(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.False(provider.GetRequiredService<IOptions<UsageTelemetryOptions>>().Value.Enabled);
    }
}
