using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Uwv.FaultTests.Servers;

namespace Uwv.FaultTests;

/// <summary>Looks at the run's virtual host the way an operator does: queue depths, error queues, and a tap on an event's exchange.</summary>
public sealed class RabbitMqProbe(string uri, string virtualHost)
{
    /// <summary>Ready messages in a queue (passive declare), or null when the queue does not exist.</summary>
    public async Task<uint?> MessageCountAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Every error and skipped queue of the run that holds messages. The queues are found with rabbitmqctl (what an
    /// operator uses); their depth is read directly, because rabbitmqctl's counts lag by the statistics interval.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> NonEmptyParkingQueuesAsync()
    {
        var listing = await ManagedServers.RabbitMqCtlAsync("list_queues", "-q", "--no-table-headers", "-p", virtualHost, "name");
        var parked = new Dictionary<string, long>();
        foreach (var queue in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(q => q.EndsWith("_error", StringComparison.Ordinal) || q.EndsWith("_skipped", StringComparison.Ordinal)))
        {
            var count = await MessageCountAsync(queue);
            if (count > 0)
            {
                parked[queue] = count.Value;
            }
        }
        return parked;
    }

    /// <summary>
    /// What MassTransit wrote on the first message of an error queue (exception type and message type), read with a
    /// get that is requeued at once, so the message stays where it is.
    /// </summary>
    public async Task<string> DescribeFirstAsync(string queue)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var message = await channel.BasicGetAsync(queue, autoAck: false);
        if (message is null)
        {
            return "(empty)";
        }
        await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true);
        var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
        return $"message {message.BasicProperties.MessageId}: {Header(headers, "MT-Fault-ExceptionType")} in {Header(headers, "MT-Fault-ConsumerType")}";
    }

    /// <summary>
    /// The MessageIds in a queue (up to <paramref name="max"/>), read with gets that are never acknowledged: closing the
    /// channel returns every message to the queue.
    /// </summary>
    public async Task<IReadOnlySet<string>> MessageIdsAsync(string queue, int max = 1000)
    {
        await using var connection = await ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new HashSet<string>();
        for (var i = 0; i < max && await channel.BasicGetAsync(queue, autoAck: false) is { } message; i++)
        {
            ids.Add(message.BasicProperties.MessageId ?? "");
        }
        return ids;
    }

    /// <summary>A private queue bound to an event type's exchange: it receives a copy of every delivery of that event.</summary>
    public async Task<Tap> TapAsync(string exchange)
    {
        var connection = await ConnectAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclarePassiveAsync(exchange);
        var queue = await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        return new Tap(connection, channel, queue.QueueName);
    }

    private Task<IConnection> ConnectAsync() => new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();

    private static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? "" : "?";
}

/// <summary>The copies an exchange delivered to a private queue.</summary>
public sealed class Tap(IConnection connection, IChannel channel, string queue) : IAsyncDisposable
{
    /// <summary>Takes every message delivered so far; returns their MessageIds, one entry per delivery.</summary>
    public async Task<IReadOnlyList<string>> DrainAsync()
    {
        var ids = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            ids.Add(message.BasicProperties.MessageId ?? "");
        }
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
