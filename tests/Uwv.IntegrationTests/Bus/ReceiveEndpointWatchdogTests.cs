using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.ServiceDefaults.Bus;

namespace Uwv.IntegrationTests.Bus;

/// <summary>
/// The watchdog on a running bus: an endpoint left stopped (as MassTransit leaves one whose reconnect gave up) is
/// restarted, and the message that waited in its queue meanwhile is consumed.
/// </summary>
public sealed class ReceiveEndpointWatchdogTests : IAsyncLifetime
{
    private const string Endpoint = "watchdog-test-ping";
    private IHost _host = null!;

    public sealed record Ping(Guid Id);

    public sealed class PingConsumer(Pings pings) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            pings.Received.TrySetResult(context.Message.Id);
            return Task.CompletedTask;
        }
    }

    public sealed class Pings
    {
        public TaskCompletionSource<Guid> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task InitializeAsync()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Bus:Transport"] = "InMemory",
            ["Bus:Watchdog:Interval"] = "00:00:00.100",
            ["Bus:Watchdog:RestartAfter"] = "00:00:01",
        });
        builder.Services.AddSingleton<Pings>();
        builder.Services.AddBusConsumers(x => x.AddConsumer<PingConsumer>().Endpoint(e => e.Name = Endpoint));
        builder.AddUwvBus("watchdog-test");
        _host = builder.Build();
        await _host.StartAsync();
    }

    [Fact]
    public async Task Endpoint_LeftStopped_IsRestartedByTheWatchdog_AndConsumesWhatWaitedInItsQueue()
    {
        var bus = _host.Services.GetRequiredService<IBusControl>();
        var (name, endpoint) = await HealthOf(bus, healthy: true);
        var watchdog = _host.Services.GetServices<IHostedService>().OfType<ReceiveEndpointWatchdog>().Single();
        await Until(() => watchdog.IsWatching(name), "the watchdog saw the endpoint ready");
        await endpoint.ReceiveEndpoint.Stop();
        (await HealthOf(bus, healthy: false)).Health.Status.ShouldNotBe(BusHealthStatus.Healthy);

        var id = Guid.NewGuid();
        var send = await bus.GetSendEndpoint(new Uri($"queue:{Endpoint}"));
        await send.Send(new Ping(id));

        var pings = _host.Services.GetRequiredService<Pings>();
        (await pings.Received.Task.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBe(id);
        (await HealthOf(bus, healthy: true)).Health.Status.ShouldBe(BusHealthStatus.Healthy);
    }

    private static async Task<(string Name, EndpointHealthResult Health)> HealthOf(IBusControl bus, bool healthy)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            // The bus names each endpoint by its input address.
            var found = bus.CheckHealth().Endpoints?.FirstOrDefault(e => e.Key.EndsWith("/" + Endpoint, StringComparison.Ordinal));
            if (found is { Key: not null } result && (result.Value.Status == BusHealthStatus.Healthy) == healthy)
            {
                return (result.Key, result.Value);
            }
            if (DateTime.UtcNow > deadline)
            {
                var seen = string.Join(", ", bus.CheckHealth().Endpoints?.Select(e => $"{e.Key}={e.Value.Status}") ?? []);
                throw new TimeoutException($"endpoint {Endpoint} did not become {(healthy ? "healthy" : "unhealthy")} within 30 s; endpoints: {seen}");
            }
            await Task.Delay(20);
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within 30 s: {what}");
            }
            await Task.Delay(20);
        }
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
