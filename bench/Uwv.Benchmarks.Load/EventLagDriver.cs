using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using RabbitMQ.Client;
using StackExchange.Redis;
using Uwv.Contracts.Events;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// Publishes events on the real bus at a fixed rate and measures when each becomes visible in the klantbeeld:
/// Redis keyspace notifications tell the moment a client's document changes. Also samples the projection queue's depth.
/// </summary>
public sealed class EventLagDriver(string rabbitMq, string redis, IReadOnlyList<Guid> clients)
{
    public sealed record Result(double OfferedPerSecond, double DeliveredPerSecond, Percentiles Lag, int MaxQueueDepth, int EndQueueDepth, int Lost);

    public Task<Result> RunAsync(int perSecond, TimeSpan duration, string queue) =>
        KeyspaceNotifications.DuringAsync(redis, mux => DriveAsync(mux, perSecond, duration, queue));

    private async Task<Result> DriveAsync(ConnectionMultiplexer mux, int perSecond, TimeSpan duration, string queue)
    {
        var pending = new ConcurrentDictionary<string, ConcurrentQueue<long>>();
        var lags = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var subscriber = mux.GetSubscriber();
        await subscriber.SubscribeAsync(RedisChannel.Pattern("__keyspace@0__:klantbeeld:*"), (channel, _) =>
        {
            var key = channel.ToString()["__keyspace@0__:".Length..];
            if (pending.TryGetValue(key, out var queue) && queue.TryDequeue(out var sentAt))
            {
                lags.Add((clock.ElapsedTicks - sentAt) * 1000.0 / Stopwatch.Frequency);
            }
        });

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(new Uri(rabbitMq), h => h.PublisherConfirmation = true));
        await bus.StartAsync();
        var depth = new List<int>();
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();

        var total = (int)(perSecond * duration.TotalSeconds);
        var sent = 0;
        var inFlight = new List<Task>();
        var started = clock.Elapsed;
        var nextDepthSample = TimeSpan.Zero;
        while (sent < total)
        {
            var due = (int)Math.Min(total, (clock.Elapsed - started).TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                var client = clients[sent % clients.Count];
                var key = "klantbeeld:" + client.ToString("N");
                pending.GetOrAdd(key, _ => new ConcurrentQueue<long>()).Enqueue(clock.ElapsedTicks);
                var now = DateTimeOffset.UtcNow;
                inFlight.Add(bus.Publish(new BeoordelingRecorded(NewId.NextGuid(), client, "Herbeoordeling", "35-80%", "Bench", DateOnly.FromDateTime(now.UtcDateTime), now),
                    ctx => ctx.Headers.Set("uwv-created-at", now.ToUnixTimeMilliseconds())));
            }
            if (clock.Elapsed - started >= nextDepthSample)
            {
                depth.Add((int)(await channel.QueueDeclarePassiveAsync(queue)).MessageCount);
                nextDepthSample += TimeSpan.FromSeconds(1);
            }
            inFlight.RemoveAll(t => t.IsCompleted);
            await Task.Delay(2);
        }
        await Task.WhenAll(inFlight);
        var offeredFor = (clock.Elapsed - started).TotalSeconds;
        var drainDeadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (lags.Count < total && clock.Elapsed < drainDeadline)
        {
            await Task.Delay(100);
        }
        var deliveredFor = (clock.Elapsed - started).TotalSeconds;
        var endDepth = (int)(await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        await bus.StopAsync();
        return new Result(total / offeredFor, lags.Count / deliveredFor, Percentiles.Of(lags.ToArray()), depth.DefaultIfEmpty(0).Max(), endDepth, total - lags.Count);
    }
}
