using System.Net;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Uwv.FaultTests.Servers;
using Uwv.ServiceDefaults.Bus;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// A bus on the real broker whose connection goes half-open: the broker drops the connection and its consumers, while
/// the client hears nothing, so MassTransit keeps calling its endpoints healthy. Only the broker's consumer count shows
/// that nothing consumes; the watchdog reads it and restarts the bus on a new connection. The test's own clock, not a
/// timed assertion: the restart must come, however long the stop on the dead connection takes.
/// </summary>
public sealed class OrphanedEndpointTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Queue = "orphan-test-ping";
    private readonly string _virtualHost = "orphan" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
    private SeverableTcpProxy _proxy = null!;
    private RabbitMqQueueConsumerCounts _broker = null!;
    private IHost _host = null!;

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
        public System.Collections.Concurrent.ConcurrentDictionary<Guid, bool> Received { get; } = new();
    }

    public async Task InitializeAsync()
    {
        await ManagedServers.EnsureManagedAsync();
        await ManagedServers.RabbitMqCtlAsync("add_vhost", _virtualHost);
        await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", _virtualHost, "guest", ".*", ".*", ".*");
        var direct = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ")
            ?? throw new InvalidOperationException("UWV_RABBITMQ is not set: run the fault tests through scripts/test.sh")) { Path = "/" + _virtualHost };
        _proxy = new SeverableTcpProxy(new IPEndPoint(IPAddress.Loopback, direct.Port));
        var proxied = new UriBuilder(direct.Uri) { Host = "127.0.0.1", Port = _proxy.Port };
        _broker = new RabbitMqQueueConsumerCounts(direct.Uri, "orphan-test-probe", NullLogger<RabbitMqQueueConsumerCounts>.Instance);

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "RabbitMq",
            ["ConnectionStrings:rabbitmq"] = proxied.Uri.ToString(),
            ["Bus:Watchdog:Interval"] = "00:00:01",
            ["Bus:Watchdog:OrphanedAfter"] = "00:00:03",
            // The client then hears nothing for the whole test: like the client library that never reported the closed
            // channels to MassTransit. (With the platform's 10 s heartbeat the client notices a half-open connection
            // by itself, after about 35 s.)
            ["Bus:Heartbeat"] = "00:10:00",
        });
        builder.Logging.AddSimpleConsole(o => o.TimestampFormat = "HH:mm:ss.fff ");
        builder.Services.AddSingleton<Pings>();
        builder.Services.AddBusConsumers(x => x.AddConsumer<PingConsumer>().Endpoint(e => e.Name = Queue));
        builder.AddUwvBus("orphan-test");
        _host = builder.Build();
        await _host.StartAsync();
    }

    [Fact]
    public async Task Endpoint_HealthyByTheBus_WithoutAConsumerAtTheBroker_GetsTheBusRestartedOnANewConnection_AndConsumesAgain()
    {
        var bus = _host.Services.GetRequiredService<IBusControl>();
        var watchdog = _host.Services.GetServices<IHostedService>().OfType<ReceiveEndpointWatchdog>().Single();
        var pings = _host.Services.GetRequiredService<Pings>();
        await Until(async () => await ConsumersAsync() == 1, "the broker counts the endpoint's consumer");
        await PingAsync(bus, pings);
        var connections = _proxy.Accepted;

        _proxy.Sever();
        var severed = DateTime.UtcNow;
        await Until(async () => await ConsumersAsync() == 0, "the broker dropped the consumer of the severed connection");
        EndpointHealth(bus).ShouldBe(BusHealthStatus.Healthy, "the client heard nothing: MassTransit still calls the endpoint healthy");

        // Stopping a bus on a dead connection waits out each broker call's 20 s timeout: about 110 s here.
        await Until(() => Task.FromResult(watchdog.BusRestarts == 1), "the watchdog restarted the bus", TimeSpan.FromSeconds(180));
        output.WriteLine($"bus restarted {(DateTime.UtcNow - severed).TotalSeconds:F1} s after the cut");
        _proxy.Accepted.ShouldBeGreaterThan(connections, "the restarted bus connected anew");
        await Until(async () => await ConsumersAsync() == 1, "the broker counts a consumer again");
        await PingAsync(bus, pings);
    }

    [Fact]
    public async Task ConsumerCounts_AreTheBrokers_AndAnUnknownQueueIsUnknown_WithoutLosingTheQueuesAfterIt()
    {
        await Until(async () => await ConsumersAsync() == 1, "the broker counts the endpoint's consumer");

        var counts = await _broker.CountAsync(["no-such-queue", Queue], CancellationToken.None);

        counts["no-such-queue"].ShouldBeNull();
        counts[Queue].ShouldBe(1);
    }

    [Fact]
    public async Task ConsumerCounts_OfAnUnreachableBroker_AreUnknown_AndTheFailureIsReported()
    {
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var nowhere = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ")!) { Host = "127.0.0.1", Port = port, Path = "/" + _virtualHost };
        await using var unreachable = new RabbitMqQueueConsumerCounts(nowhere.Uri, "orphan-test-nowhere", NullLogger<RabbitMqQueueConsumerCounts>.Instance);

        var counts = await unreachable.CountAsync([Queue], CancellationToken.None);

        counts[Queue].ShouldBeNull("no count is made up for a broker that was not asked");
        unreachable.Failing.ShouldBeTrue();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _broker.DisposeAsync();
        await _proxy.DisposeAsync();
        await ManagedServers.RabbitMqCtlAsync("delete_vhost", _virtualHost);
    }

    private async Task<long?> ConsumersAsync() => (await _broker.CountAsync([Queue], CancellationToken.None))[Queue];

    private static BusHealthStatus? EndpointHealth(IBusControl bus) =>
        bus.CheckHealth().Endpoints?.Where(e => e.Key.EndsWith("/" + Queue, StringComparison.Ordinal)).Select(e => (BusHealthStatus?)e.Value.Status).FirstOrDefault();

    private static async Task PingAsync(IBusControl bus, Pings pings)
    {
        var id = Guid.NewGuid();
        await bus.Publish(new Ping(id));
        await Until(() => Task.FromResult(pings.Received.ContainsKey(id)), "the ping was consumed");
    }

    private static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(45));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {(within ?? TimeSpan.FromSeconds(45)).TotalSeconds} s: {what}");
            }
            await Task.Delay(200);
        }
    }
}
