using System.Net;
using MassTransit;
using Microsoft.Extensions.Logging.Abstractions;
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
    private ProxiedBus _bus = null!;

    public async Task InitializeAsync() => _bus = await ProxiedBus.StartAsync("orphan-test", new Dictionary<string, string?>
    {
        ["Bus:Watchdog:Interval"] = "00:00:01",
        ["Bus:Watchdog:OrphanedAfter"] = "00:00:03",
        // The client then hears nothing for the whole test: like the client library that never reported the closed
        // channels to MassTransit. (With the platform's 10 s heartbeat the client notices a half-open connection
        // by itself, after about 35 s: HalfOpenConnectionTests.)
        ["Bus:Heartbeat"] = "00:10:00",
    });

    [Fact]
    public async Task Endpoint_HealthyByTheBus_WithoutAConsumerAtTheBroker_GetsTheBusRestartedOnANewConnection_AndConsumesAgain()
    {
        await _bus.ConsumersAtTheBrokerAsync(1, "the broker counts the endpoint's consumer");
        await _bus.PingAsync();
        var connections = _bus.Proxy.Accepted;

        _bus.Proxy.Sever();
        var severed = DateTime.UtcNow;
        await _bus.ConsumersAtTheBrokerAsync(0, "the broker dropped the consumer of the severed connection");
        EndpointHealth().ShouldBe(BusHealthStatus.Healthy, "the client heard nothing: MassTransit still calls the endpoint healthy");

        // Stopping a bus on a dead connection waits out each broker call's 20 s timeout: about 110 s here.
        await Eventually.Until(() => Task.FromResult(_bus.Watchdog.BusRestarts), restarts => restarts == 1, TimeSpan.FromSeconds(180), "the watchdog restarted the bus");
        output.WriteLine($"bus restarted {(DateTime.UtcNow - severed).TotalSeconds:F1} s after the cut");
        _bus.Proxy.Accepted.ShouldBeGreaterThan(connections, "the restarted bus connected anew");
        await _bus.ConsumersAtTheBrokerAsync(1, "the broker counts a consumer again");
        await _bus.PingAsync();
    }

    [Fact]
    public async Task ConsumerCounts_AreTheBrokers_AndAnUnknownQueueIsUnknown_WithoutLosingTheQueuesAfterIt()
    {
        await _bus.ConsumersAtTheBrokerAsync(1, "the broker counts the endpoint's consumer");

        var counts = await _bus.Broker.CountAsync(["no-such-queue", _bus.Queue], CancellationToken.None);

        counts["no-such-queue"].ShouldBeNull();
        counts[_bus.Queue].ShouldBe(1);
    }

    [Fact]
    public async Task ConsumerCounts_OfAnUnreachableBroker_AreUnknown_AndTheFailureIsReported()
    {
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var nowhere = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ")!) { Host = "127.0.0.1", Port = port, Path = "/" + _bus.VirtualHost };
        await using var unreachable = new RabbitMqQueueConsumerCounts(nowhere.Uri, "orphan-test-nowhere", NullLogger<RabbitMqQueueConsumerCounts>.Instance);

        var counts = await unreachable.CountAsync([_bus.Queue], CancellationToken.None);

        counts[_bus.Queue].ShouldBeNull("no count is made up for a broker that was not asked");
        unreachable.Failing.ShouldBeTrue();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private BusHealthStatus? EndpointHealth() =>
        _bus.Bus.CheckHealth().Endpoints?.Where(e => e.Key.EndsWith("/" + _bus.Queue, StringComparison.Ordinal)).Select(e => (BusHealthStatus?)e.Value.Status).FirstOrDefault();
}
