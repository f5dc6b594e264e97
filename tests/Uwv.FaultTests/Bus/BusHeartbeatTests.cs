using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.FaultTests.Servers;
using Uwv.ServiceDefaults.Bus;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// The heartbeat a service's bus agrees with the real broker (decision 0048): 10 s unless <c>Bus:Heartbeat</c> says
/// otherwise, so that a connection gone silent is noticed in about half a minute, not after minutes. Read where an
/// operator reads it: <c>rabbitmqctl list_connections</c>, the timeout the broker and the client settled on.
/// </summary>
public sealed class BusHeartbeatTests
{
    public sealed record Beat(Guid Id);

    public sealed class BeatConsumer : IConsumer<Beat>
    {
        public Task Consume(ConsumeContext<Beat> context) => Task.CompletedTask;
    }

    [Fact]
    public async Task Heartbeat_ByDefault_IsTenSeconds_AtTheBroker() =>
        (await BusConnectionTimeoutAsync(heartbeat: null)).ShouldBe(10);

    [Fact]
    public async Task Heartbeat_AsConfigured_IsWhatTheBrokerAgrees() =>
        (await BusConnectionTimeoutAsync(heartbeat: "00:00:07")).ShouldBe(7);

    /// <summary>Starts a bus like a service's on a virtual host of its own and returns its connection's heartbeat in seconds.</summary>
    private static async Task<int> BusConnectionTimeoutAsync(string? heartbeat)
    {
        await ManagedServers.EnsureManagedAsync();
        var virtualHost = "heartbeat" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
        await ManagedServers.RabbitMqCtlAsync("add_vhost", virtualHost);
        try
        {
            await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
            var broker = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ")
                ?? throw new InvalidOperationException("UWV_RABBITMQ is not set: run the fault tests through scripts/test.sh")) { Path = "/" + virtualHost };
            var builder = Host.CreateApplicationBuilder();
            var settings = new Dictionary<string, string?> { ["Bus:Transport"] = "RabbitMq", ["ConnectionStrings:rabbitmq"] = broker.Uri.ToString() };
            if (heartbeat is not null)
            {
                settings["Bus:Heartbeat"] = heartbeat;
            }
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Services.AddBusConsumers(x => x.AddConsumer<BeatConsumer>().Endpoint(e => e.Name = "heartbeat-test-beat"));
            builder.AddUwvBus("heartbeat-test");
            using var host = builder.Build();
            await host.StartAsync();
            try
            {
                await host.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(60));
                return await TimeoutOfTheBusConnectionAsync(virtualHost);
            }
            finally
            {
                await host.StopAsync();
            }
        }
        finally
        {
            await ManagedServers.RabbitMqCtlAsync("delete_vhost", virtualHost);
        }
    }

    /// <summary>
    /// The timeout of the one connection on the virtual host that is not the watchdog's (which names itself
    /// "&lt;prefix&gt;-watchdog" and keeps the client library's default).
    /// </summary>
    private static async Task<int> TimeoutOfTheBusConnectionAsync(string virtualHost)
    {
        var listing = await ManagedServers.RabbitMqCtlAsync("list_connections", "-q", "--no-table-headers", "vhost", "timeout", "client_properties");
        var ours = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 3 && f[0] == virtualHost && !f[2].Contains("heartbeat-test-watchdog", StringComparison.Ordinal))
            .ToList();
        ours.Count.ShouldBe(1, $"one bus connection on {virtualHost}; rabbitmqctl listed:\n{listing}");
        return int.Parse(ours[0][1], CultureInfo.InvariantCulture);
    }
}
