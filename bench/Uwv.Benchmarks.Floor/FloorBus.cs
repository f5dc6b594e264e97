using MassTransit;

namespace Uwv.Benchmarks.Floor;

/// <summary>The bus settings of the platform's services (BusExtensions.AddUwvBus) that bear on the cost of a message.</summary>
public static class FloorBus
{
    public static void Add(WebApplicationBuilder builder, Action<IBusRegistrationConfigurator> consumers)
    {
        var uri = builder.Configuration.GetConnectionString("rabbitmq") ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is required");
        builder.Services.AddMassTransit(x =>
        {
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            consumers(x);
            x.AddConfigureEndpointsCallback((_, _, endpoint) =>
            {
                endpoint.ConcurrentMessageLimit = 32;
                if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                    rabbit.PrefetchCount = 64;
                }
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(uri), h =>
                {
                    h.PublisherConfirmation = true;
                    h.Heartbeat(TimeSpan.FromSeconds(10));
                });
                cfg.ConfigureEndpoints(context);
            });
        });
    }
}
