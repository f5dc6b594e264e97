using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Bus;

/// <summary>
/// The bus of a process. Each service contributes its consumers with <see cref="AddBusConsumers"/>;
/// <see cref="AddUwvBus"/> then registers MassTransit once, so the same services can share one bus
/// inside the single-process host.
/// </summary>
public static class BusExtensions
{
    public static IServiceCollection AddBusConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> register)
    {
        Contributions(services).Add(register);
        return services;
    }

    public static IHostApplicationBuilder AddUwvBus(this IHostApplicationBuilder builder, string endpointPrefix)
    {
        var transport = builder.Configuration["Bus:Transport"] ?? "InMemory";
        var contributions = Contributions(builder.Services);
        var concurrency = builder.Configuration.GetValue("Bus:ConcurrentMessageLimit", 32);
        var rabbitMq = string.Equals(transport, "RabbitMq", StringComparison.OrdinalIgnoreCase);
        var uri = builder.Configuration.GetConnectionString("rabbitmq") ?? "amqp://guest:guest@127.0.0.1:5672/";
        var heartbeat = builder.Configuration.GetValue("Bus:Heartbeat", TimeSpan.FromSeconds(10));
        if (rabbitMq)
        {
            // The watchdog asks the broker, on a connection of its own, whether the bus's queues have their consumers.
            builder.Services.AddSingleton<IQueueConsumerCounts>(sp => new RabbitMqQueueConsumerCounts(
                new Uri(uri), $"{endpointPrefix}-watchdog", sp.GetRequiredService<ILogger<RabbitMqQueueConsumerCounts>>()));
        }
        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(endpointPrefix, false));
            // MassTransit reports its configuration to its vendor over the internet unless told not to: nothing about
            // UWV's platform leaves the platform.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            foreach (var register in contributions)
            {
                register(x);
            }
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                // Retried in place, then moved to the endpoint's _error queue: never acked and dropped.
                endpoint.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(200)));
                // Consumers wait on I/O (Redis, PostgreSQL), not CPU: more messages in flight than cores.
                // Never below what a batch consumer asked for (its batches hold their messages until they are stored).
                endpoint.ConcurrentMessageLimit = Math.Max(concurrency, endpoint.ConcurrentMessageLimit ?? 0);
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    rabbit.PrefetchCount = Math.Max(concurrency * 2, rabbit.PrefetchCount);
                }
            });
            if (rabbitMq)
            {
                x.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(uri), h =>
                    {
                        h.PublisherConfirmation = true;
                        // A connection that went silent without a close (a half-open TCP connection) is noticed after a
                        // few missed heartbeats; the client's default of 60 s let one go unnoticed for minutes.
                        h.Heartbeat(heartbeat);
                    });
                    // The temporary queue of this bus instance carries the service's prefix like its other queues, so
                    // the service's broker user needs rights on "<prefix>-..." only (decision 0020).
                    cfg.OverrideDefaultBusEndpointQueueName($"{endpointPrefix}-bus-{NewId.NextGuid():N}");
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddOptions<BusWatchdogOptions>().BindConfiguration(BusWatchdogOptions.Section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<ReceiveEndpointWatchdog>();
        builder.AddBusFaults();
        return builder;
    }

    /// <summary>
    /// Test-support hook for the fault tests: Bus:Faults:DuplicateDeliveries (default 0) makes the outbox relay publish
    /// every message that many extra times with the same MessageId. Never honoured in Production.
    /// </summary>
    private static void AddBusFaults(this IHostApplicationBuilder builder)
    {
        var duplicates = builder.Configuration.GetValue("Bus:Faults:DuplicateDeliveries", 0);
        if (duplicates > 0 && !builder.Environment.IsProduction())
        {
            builder.Services.PostConfigure<OutboxOptions>(o => o.DuplicateDeliveries = duplicates);
        }
    }

    private static BusContributions Contributions(IServiceCollection services)
    {
        var existing = services.FirstOrDefault(d => d.ServiceType == typeof(BusContributions))?.ImplementationInstance;
        if (existing is BusContributions found)
        {
            return found;
        }
        var created = new BusContributions();
        services.AddSingleton(created);
        return created;
    }

    private sealed class BusContributions : List<Action<IBusRegistrationConfigurator>>;
}
