using Ctms.Shared.Messaging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.UnitTests.Shared;

public sealed record SomethingHappened(Guid Id);

public sealed class SomethingConsumer : IConsumer<SomethingHappened>
{
    public Task Consume(ConsumeContext<SomethingHappened> context) => Task.CompletedTask;
}

public sealed class SubjectEnrolledConsumer : IConsumer<SomethingHappened>
{
    public Task Consume(ConsumeContext<SomethingHappened> context) => Task.CompletedTask;
}

public sealed class SiteSyncV2Handler : IConsumer<SomethingHappened>
{
    public Task Consume(ConsumeContext<SomethingHappened> context) => Task.CompletedTask;
}

[Trait("Category", "Foundation")]
public sealed class ModuleConsumersTests
{
    [Fact]
    public void Endpoint_is_center_dot_module_dash_consumer_without_the_suffix()
    {
        Assert.Equal("center-a.reporting-something", ModuleConsumers.EndpointName("center-a", "reporting", typeof(SomethingConsumer)));
    }

    [Fact]
    public void Multi_word_consumer_names_are_kebab_cased()
    {
        Assert.Equal("local.reporting-subject-enrolled", ModuleConsumers.EndpointName("local", "reporting", typeof(SubjectEnrolledConsumer)));
    }

    [Fact]
    public void A_name_without_the_consumer_suffix_is_kept_whole()
    {
        Assert.Equal("local.sitesync-site-sync-v2-handler", ModuleConsumers.EndpointName("local", "sitesync", typeof(SiteSyncV2Handler)));
    }

    [Fact]
    public void Registry_is_one_singleton_per_service_collection()
    {
        var services = new ServiceCollection();

        services.AddModuleConsumer<SomethingConsumer>("reporting");
        services.AddModuleConsumer<SubjectEnrolledConsumer>("reporting");

        Assert.Single(services, d => d.ServiceType == typeof(ModuleConsumers));
        Assert.Same(ModuleConsumersRegistration.Registry(services), ModuleConsumersRegistration.Registry(services));
    }

    [Fact]
    public void RegisterAll_puts_the_recorded_consumers_on_the_bus()
    {
        var services = new ServiceCollection();
        var registry = ModuleConsumersRegistration.Registry(services);
        registry.Add<SomethingConsumer>("reporting");

        services.AddMassTransit(x => registry.RegisterAll(x, "center-a"));

        Assert.Contains(services, d => d.ServiceType == typeof(SomethingConsumer));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(SubjectEnrolledConsumer));
    }

    [Fact]
    public void Adding_a_consumer_after_the_bus_was_configured_is_refused()
    {
        var services = new ServiceCollection();
        var registry = ModuleConsumersRegistration.Registry(services);
        services.AddMassTransit(x => registry.RegisterAll(x, "c"));

        var ex = Assert.Throws<InvalidOperationException>(() => registry.Add<SubjectEnrolledConsumer>("reporting"));

        Assert.Contains(nameof(SubjectEnrolledConsumer), ex.Message, StringComparison.Ordinal);
        Assert.Contains("AddCtmsMessaging", ex.Message, StringComparison.Ordinal);
    }
}
