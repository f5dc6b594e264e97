using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Uwv.FaultTests.Servers;
using Uwv.ServiceDefaults.Bus;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// A bus wired like a service's (<c>AddUwvBus</c>, RabbitMQ transport) on a virtual host of its own, connected to the
/// real broker through a <see cref="SeverableTcpProxy"/>, with one consumer of <see cref="Ping"/> on <see cref="Queue"/>;
/// and a probe of the broker's consumer counts that connects directly, so it sees the broker whatever the proxy does.
/// </summary>
public sealed class ProxiedBus : IAsyncDisposable
{
    private readonly Pings _pings;

    private ProxiedBus(string name, string virtualHost, SeverableTcpProxy proxy, RabbitMqQueueConsumerCounts broker, IHost host)
    {
        Queue = name + "-ping";
        VirtualHost = virtualHost;
        Proxy = proxy;
        Broker = broker;
        Host = host;
        _pings = host.Services.GetRequiredService<Pings>();
    }

    public sealed record Ping(Guid Id);

    public sealed class PingConsumer(Pings pings) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            pings.Received.TryAdd(context.Message.Id, true);
            return Task.CompletedTask;
        }
    }

    public sealed class Pings
    {
        public ConcurrentDictionary<Guid, bool> Received { get; } = new();
    }

    public string Queue { get; }

    public string VirtualHost { get; }

    public SeverableTcpProxy Proxy { get; }

    public RabbitMqQueueConsumerCounts Broker { get; }

    public IHost Host { get; }

    public IBusControl Bus => Host.Services.GetRequiredService<IBusControl>();

    public ReceiveEndpointWatchdog Watchdog => Host.Services.GetServices<IHostedService>().OfType<ReceiveEndpointWatchdog>().Single();

    /// <summary>Starts the bus with <paramref name="settings"/> on top of the transport and the proxied broker address.</summary>
    public static async Task<ProxiedBus> StartAsync(string name, IReadOnlyDictionary<string, string?> settings)
    {
        await ManagedServers.EnsureManagedAsync();
        var virtualHost = name.Replace("-", "", StringComparison.Ordinal) + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
        await ManagedServers.RabbitMqCtlAsync("add_vhost", virtualHost);
        await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
        var direct = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ")
            ?? throw new InvalidOperationException("UWV_RABBITMQ is not set: run the fault tests through scripts/test.sh")) { Path = "/" + virtualHost };
        var proxy = new SeverableTcpProxy(new IPEndPoint(IPAddress.Loopback, direct.Port));
        var proxied = new UriBuilder(direct.Uri) { Host = "127.0.0.1", Port = proxy.Port };
        var broker = new RabbitMqQueueConsumerCounts(direct.Uri, name + "-probe", NullLogger<RabbitMqQueueConsumerCounts>.Instance);

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:rabbitmq"] = proxied.Uri.ToString(),
        });
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
        builder.Services.AddSingleton<Pings>();
        builder.Services.AddBusConsumers(x => x.AddConsumer<PingConsumer>().Endpoint(e => e.Name = name + "-ping"));
        builder.AddUwvBus(name);
        var host = builder.Build();
        await host.StartAsync();
        // Started before the test begins: a bus still starting when a short test stops its host is left behind, "not
        // started", reconnecting to the closed proxy for the rest of the run.
        await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
        return new ProxiedBus(name, virtualHost, proxy, broker, host);
    }

    /// <summary>Waits until the broker counts <paramref name="expected"/> consumers on the bus's queue.</summary>
    public Task ConsumersAtTheBrokerAsync(long expected, string what, TimeSpan? within = null) =>
        Eventually.Until(async () => (await Broker.CountAsync([Queue], CancellationToken.None))[Queue], count => count == expected,
            within ?? TimeSpan.FromSeconds(45), what);

    /// <summary>Publishes a ping on the bus and waits until its consumer got it.</summary>
    public async Task PingAsync()
    {
        var id = Guid.NewGuid();
        await Bus.Publish(new Ping(id));
        await Eventually.Until(() => Task.FromResult(_pings.Received.ContainsKey(id)), received => received, TimeSpan.FromSeconds(45), "the ping was consumed");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Broker.DisposeAsync();
        await Proxy.DisposeAsync();
        await ManagedServers.RabbitMqCtlAsync("delete_vhost", VirtualHost);
    }
}
