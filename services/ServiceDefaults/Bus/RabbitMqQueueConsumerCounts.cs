using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Uwv.ServiceDefaults.Bus;

/// <summary>
/// Asks RabbitMQ for each queue's consumer count with a passive declare, on a connection of its own: the watchdog must
/// see the broker even when the bus's connection is the thing that is broken. The connection is opened on first use and
/// opened again after any failure; a passive declare changes nothing on the broker. A failure is logged once when it
/// begins (not every 5 s through a broker outage), and its end once too.
/// </summary>
public sealed partial class RabbitMqQueueConsumerCounts(Uri broker, string clientName, ILogger<RabbitMqQueueConsumerCounts> logger)
    : IQueueConsumerCounts, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private IChannel? _channel;
    private bool _failing;

    /// <summary>Whether the last look failed to reach the broker (its counts unknown).</summary>
    public bool Failing => _failing;

    public async Task<IReadOnlyDictionary<string, long?>> CountAsync(IReadOnlyCollection<string> queues, CancellationToken cancellationToken)
    {
        var counts = queues.ToDictionary(q => q, _ => (long?)null, StringComparer.Ordinal);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var queue in queues)
            {
                var channel = await ChannelAsync(cancellationToken);
                try
                {
                    counts[queue] = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
                    if (_failing)
                    {
                        _failing = false;
                        LogReachedAgain();
                    }
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                {
                    // The broker closes the channel on an unknown queue; the next queue gets a new one.
                    await CloseChannelAsync();
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Unreachable or refusing broker: the counts not read stay unknown (no endpoint is judged on them), and the
            // next look connects again.
            if (!_failing)
            {
                _failing = true;
                LogFailed(ex);
            }
            await CloseAsync();
        }
        finally
        {
            _gate.Release();
        }
        return counts;
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _gate.Dispose();
    }

    private async Task<IChannel> ChannelAsync(CancellationToken cancellationToken)
    {
        if (_connection is not { IsOpen: true })
        {
            await CloseAsync();
            var factory = new ConnectionFactory { Uri = AmqpUri(broker), AutomaticRecoveryEnabled = false, RequestedConnectionTimeout = TimeSpan.FromSeconds(5) };
            _connection = await factory.CreateConnectionAsync(clientName, cancellationToken);
        }
        if (_channel is not { IsOpen: true })
        {
            await CloseChannelAsync();
            _channel = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        }
        return _channel;
    }

    private async Task CloseChannelAsync()
    {
        var channel = _channel;
        _channel = null;
        if (channel is not null)
        {
            await DisposeQuietlyAsync(channel);
        }
    }

    private async Task CloseAsync()
    {
        await CloseChannelAsync();
        var connection = _connection;
        _connection = null;
        if (connection is not null)
        {
            await DisposeQuietlyAsync(connection);
        }
    }

    private static async Task DisposeQuietlyAsync(IAsyncDisposable disposable)
    {
        try
        {
            await disposable.DisposeAsync();
        }
        catch (Exception ex) when (ex is IOException or AlreadyClosedException or OperationInterruptedException or ObjectDisposedException)
        {
            // Closing what is already broken: nothing left to do.
        }
    }

    /// <summary>MassTransit also accepts rabbitmq:// addresses; the client library speaks amqp://.</summary>
    private static Uri AmqpUri(Uri uri) => uri.Scheme switch
    {
        "rabbitmq" => new UriBuilder(uri) { Scheme = "amqp" }.Uri,
        "rabbitmqs" => new UriBuilder(uri) { Scheme = "amqps" }.Uri,
        _ => uri,
    };

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "The watchdog cannot ask RabbitMQ for its queues' consumers; it judges no endpoint by them until it can")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "The watchdog asks RabbitMQ for its queues' consumers again")]
    private partial void LogReachedAgain();
}
