using Ctms.Shared.Messaging;
using Microsoft.Extensions.Configuration;

namespace Ctms.UnitTests.Shared;

[Trait("Category", "Foundation")]
public sealed class MessagingSettingsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build();

    [Fact]
    public void Defaults_are_center_local_on_the_in_memory_bus()
    {
        var settings = MessagingSettings.Read(Config());

        Assert.Equal("local", settings.CenterId);
        Assert.Equal(MessagingTransport.InMemory, settings.Transport);
        Assert.Null(settings.RabbitMq);
    }

    [Fact]
    public void Unknown_transport_is_refused_naming_the_setting_and_the_valid_values()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MessagingSettings.Read(Config(("Messaging:Transport", "Kafka"))));

        Assert.Contains("Messaging:Transport", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Kafka", ex.Message, StringComparison.Ordinal);
        Assert.Contains("InMemory | RabbitMq", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RabbitMq_without_a_host_is_refused_naming_the_host_setting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MessagingSettings.Read(Config(("Messaging:Transport", "RabbitMq"))));

        Assert.Contains("Messaging:RabbitMq:Host", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Center-A")]
    [InlineData("center.a")]
    [InlineData("center a")]
    public void Center_id_that_cannot_prefix_a_queue_name_is_refused(string center)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MessagingSettings.Read(Config(("Center:Id", center))));

        Assert.Contains("Center:Id", ex.Message, StringComparison.Ordinal);
        Assert.Contains(center, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lower_case_center_id_with_digits_and_dashes_is_accepted()
    {
        Assert.Equal("center-2", MessagingSettings.Read(Config(("Center:Id", "center-2"))).CenterId);
    }

    [Fact]
    public void RabbitMq_settings_default_port_vhost_and_credentials()
    {
        var settings = MessagingSettings.Read(Config(
            ("Center:Id", "center-a"), ("Messaging:Transport", "rabbitmq"), ("Messaging:RabbitMq:Host", "mq.example")));

        Assert.Equal(MessagingTransport.RabbitMq, settings.Transport);
        Assert.Equal("center-a", settings.CenterId);
        Assert.Equal(new RabbitMqSettings("mq.example", 5672, "/", "guest", "guest"), settings.RabbitMq);
    }

    [Fact]
    public void RabbitMq_settings_are_read_from_configuration()
    {
        var settings = MessagingSettings.Read(Config(
            ("Messaging:Transport", "RabbitMq"),
            ("Messaging:RabbitMq:Host", "mq"),
            ("Messaging:RabbitMq:Port", "5673"),
            ("Messaging:RabbitMq:VirtualHost", "ctms"),
            ("Messaging:RabbitMq:Username", "center-a"),
            ("Messaging:RabbitMq:Password", "secret")));

        Assert.Equal(new RabbitMqSettings("mq", 5673, "ctms", "center-a", "secret"), settings.RabbitMq);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("70000")]
    [InlineData("0")]
    public void A_rabbitmq_port_that_is_not_a_port_number_is_refused(string port)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MessagingSettings.Read(Config(
            ("Messaging:Transport", "RabbitMq"), ("Messaging:RabbitMq:Host", "localhost"), ("Messaging:RabbitMq:Port", port))));

        Assert.Contains("'Messaging:RabbitMq:Port' must be a port number", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_numeric_transport_is_refused()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => MessagingSettings.Read(Config(("Messaging:Transport", "1"))));

        Assert.Contains("Messaging:Transport", ex.Message, StringComparison.Ordinal);
    }
}
