using System.Globalization;
using Uwv.FaultTests.Servers;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// The heartbeat a service's bus agrees with the real broker (decision 0048): 10 s unless <c>Bus:Heartbeat</c> says
/// otherwise, so that a connection gone silent is noticed in about half a minute, not after minutes. Read where an
/// operator reads it: <c>rabbitmqctl list_connections</c>, the timeout the broker and the client settled on.
/// </summary>
public sealed class BusHeartbeatTests
{
    private const string Name = "heartbeat-test";

    [Fact]
    public async Task Heartbeat_ByDefault_IsTenSeconds_AtTheBroker() =>
        (await BusConnectionTimeoutAsync(new Dictionary<string, string?>())).ShouldBe(10);

    [Fact]
    public async Task Heartbeat_AsConfigured_IsWhatTheBrokerAgrees() =>
        (await BusConnectionTimeoutAsync(new Dictionary<string, string?> { ["Bus:Heartbeat"] = "00:00:07" })).ShouldBe(7);

    /// <summary>Starts a bus like a service's and returns the heartbeat, in seconds, of its connection as the broker lists it.</summary>
    private static async Task<int> BusConnectionTimeoutAsync(IReadOnlyDictionary<string, string?> settings)
    {
        await using var bus = await ProxiedBus.StartAsync(Name, settings);
        var listing = await ManagedServers.RabbitMqCtlAsync("list_connections", "-q", "--no-table-headers", "vhost", "timeout", "client_properties");
        // The watchdog's own connection ("<prefix>-watchdog") keeps the client library's default: not the bus's.
        var ours = listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 3 && f[0] == bus.VirtualHost && !f[2].Contains(Name + "-watchdog", StringComparison.Ordinal))
            .ToList();
        ours.Count.ShouldBe(1, $"one bus connection on {bus.VirtualHost}; rabbitmqctl listed:\n{listing}");
        return int.Parse(ours[0][1], CultureInfo.InvariantCulture);
    }
}
