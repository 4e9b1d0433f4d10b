using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Ctms.Shared.Messaging;

public static class MessagingRegistration
{
    /// <summary>
    /// The bus, once for the whole host: in-memory by default, RabbitMQ when configured. Consumers come from
    /// <see cref="ModuleConsumers"/>. A consumer that keeps failing after the retries sends its message to the
    /// endpoint's <c>_error</c> queue; the host keeps running.
    /// </summary>
    public static IServiceCollection AddCtmsMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = MessagingSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWakeUpInterceptor>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection("Messaging:Outbox"));
        var consumers = ModuleConsumersRegistration.Registry(services);

        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        services.AddMassTransit(bus =>
        {
            // MassTransit 8.4+ reports usage to its vendor over the internet by default; a system holding regulated
            // trial data sends nothing it was not configured to send (and hospital networks block it anyway).
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            consumers.RegisterAll(bus, settings.CenterId);
            if (settings.Transport == MessagingTransport.RabbitMq)
            {
                var rabbit = settings.RabbitMq!;
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                    {
                        h.Username(rabbit.Username);
                        h.Password(rabbit.Password);
                    });
                    cfg.UseMessageRetry(r => r.Exponential(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200)));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.UseMessageRetry(r => r.Exponential(4, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(200)));
                    cfg.ConfigureEndpoints(context);
                });
            }
        });
        return services;
    }
}
