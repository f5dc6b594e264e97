using System.Globalization;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Uwv.FaultTests.Servers;
using Uwv.ServiceDefaults.Bus;

namespace Uwv.FaultTests.Bus;

/// <summary>
/// The watchdog's look at the broker (decision 0048) tells the operator once when it cannot ask RabbitMQ, however many
/// looks fail, and once when it can again: an outage is two lines in the log, not one every 5 s. The broker is the real
/// one; the probe is refused because its virtual host does not exist yet, and reaches it once the host is made.
/// </summary>
public sealed class BrokerProbeLogTests
{
    private const string Queue = "probe-log-test-queue";

    [Fact]
    public async Task Probe_RefusedByTheBroker_WarnsOnce_ThenSaysOnceThatItCanAskAgain()
    {
        await ManagedServers.EnsureManagedAsync();
        var virtualHost = "probelog" + DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
        var address = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ")
            ?? throw new InvalidOperationException("UWV_RABBITMQ is not set: run the fault tests through scripts/test.sh")) { Path = "/" + virtualHost }.Uri;
        var log = new RecordingLog();
        await using var probe = new RabbitMqQueueConsumerCounts(address, "probe-log-test", log);
        try
        {
            (await probe.CountAsync([Queue], CancellationToken.None))[Queue].ShouldBeNull("a refused look makes up no count");
            (await probe.CountAsync([Queue], CancellationToken.None))[Queue].ShouldBeNull();
            probe.Failing.ShouldBeTrue();
            log.At(LogLevel.Warning).Count.ShouldBe(1, "two failed looks, one warning");
            log.At(LogLevel.Information).ShouldBeEmpty();

            await ManagedServers.RabbitMqCtlAsync("add_vhost", virtualHost);
            await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", virtualHost, "guest", ".*", ".*", ".*");
            await DeclareQueueAsync(address);

            (await probe.CountAsync([Queue], CancellationToken.None))[Queue].ShouldBe(0);
            (await probe.CountAsync([Queue], CancellationToken.None))[Queue].ShouldBe(0);
            probe.Failing.ShouldBeFalse();
            log.At(LogLevel.Information).Count.ShouldBe(1, "reached again after the failure: said once");
            log.At(LogLevel.Warning).Count.ShouldBe(1);
        }
        finally
        {
            await ManagedServers.RabbitMqCtlAsync("delete_vhost", virtualHost);
        }
    }

    private static async Task DeclareQueueAsync(Uri address)
    {
        await using var connection = await new ConnectionFactory { Uri = address }.CreateConnectionAsync("probe-log-test-setup");
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false);
    }

    private sealed class RecordingLog : ILogger<RabbitMqQueueConsumerCounts>
    {
        private readonly List<(LogLevel Level, string Message)> _entries = [];

        public List<string> At(LogLevel level)
        {
            lock (_entries)
            {
                return _entries.Where(e => e.Level == level).Select(e => e.Message).ToList();
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_entries)
            {
                _entries.Add((logLevel, formatter(state, exception)));
            }
        }
    }
}
