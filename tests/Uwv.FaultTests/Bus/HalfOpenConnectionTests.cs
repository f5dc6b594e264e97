using Xunit.Abstractions;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// With the platform's heartbeat (decision 0048: 10 s, not the client's 60 s), a bus notices by itself that its
/// connection went half-open, and MassTransit connects again without the watchdog. The watchdog is held back here (its
/// windows an hour long), so only the heartbeat can heal the bus. With a 60 s heartbeat the client had noticed nothing
/// after 110 s; with 10 s it noticed after about 35 s. The bound of 90 s tells the two apart with room for slow cores.
/// </summary>
public sealed class HalfOpenConnectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ProxiedBus _bus = null!;

    public async Task InitializeAsync() => _bus = await ProxiedBus.StartAsync("half-open-test", new Dictionary<string, string?>
    {
        ["Bus:Watchdog:RestartAfter"] = "01:00:00",
        ["Bus:Watchdog:OrphanedAfter"] = "01:00:00",
    });

    [Fact]
    public async Task HalfOpenConnection_IsNoticedByTheDefaultHeartbeat_AndTheBusConsumesAgainWithoutTheWatchdog()
    {
        await _bus.ConsumersAtTheBrokerAsync(1, "the broker counts the endpoint's consumer");
        await _bus.PingAsync();

        _bus.Proxy.Sever();
        var severed = DateTime.UtcNow;
        await _bus.ConsumersAtTheBrokerAsync(0, "the broker dropped the consumer of the severed connection");
        await _bus.ConsumersAtTheBrokerAsync(1, "the bus connected again by itself", TimeSpan.FromSeconds(90));
        output.WriteLine($"consuming again {(DateTime.UtcNow - severed).TotalSeconds:F1} s after the cut");

        _bus.Watchdog.BusRestarts.ShouldBe(0, "the heartbeat healed the bus, not the watchdog");
        await _bus.PingAsync();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();
}
