using System.Text.RegularExpressions;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Shared.Messaging;

/// <summary>
/// The consumers modules contribute. MassTransit is configured once by the host, so modules record their
/// consumers here and the host adds them all, each on its own endpoint <c>{center}.{module}-{consumer}</c>:
/// every center gets its own copy of a published event, and instances of one center share the work.
/// </summary>
public sealed partial class ModuleConsumers
{
    private readonly List<Action<IBusRegistrationConfigurator, string>> _registrations = [];
    private bool _registered;

    public void Add<TConsumer>(string module) where TConsumer : class, IConsumer
    {
        if (_registered)
        {
            // A consumer added after the bus was configured would silently never receive anything.
            throw new InvalidOperationException(
                $"{typeof(TConsumer).Name} was registered after the bus was configured: add the modules before AddCtmsMessaging.");
        }

        _registrations.Add((bus, center) => bus.AddConsumer<TConsumer>()
            .Endpoint(e => e.Name = EndpointName(center, module, typeof(TConsumer))));
    }

    public void RegisterAll(IBusRegistrationConfigurator bus, string center)
    {
        _registered = true;
        foreach (var registration in _registrations)
        {
            registration(bus, center);
        }
    }

    public static string EndpointName(string center, string module, Type consumer)
    {
        var name = consumer.Name.EndsWith("Consumer", StringComparison.Ordinal) ? consumer.Name[..^"Consumer".Length] : consumer.Name;
        return $"{center}.{module}-{WordBoundary().Replace(name, "-$1").ToLowerInvariant()}";
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordBoundary();
}

public static class ModuleConsumersRegistration
{
    /// <summary>Registers a module consumer; the host puts it on the bus.</summary>
    public static IServiceCollection AddModuleConsumer<TConsumer>(this IServiceCollection services, string module)
        where TConsumer : class, IConsumer
    {
        Registry(services).Add<TConsumer>(module);
        return services;
    }

    public static ModuleConsumers Registry(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(ModuleConsumers))?.ImplementationInstance;
        if (existing is ModuleConsumers registry)
        {
            return registry;
        }

        registry = new ModuleConsumers();
        services.AddSingleton(registry);
        return registry;
    }
}
