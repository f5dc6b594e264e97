using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using StackExchange.Redis;
using Uwv.Contracts.Handover.V1;
using Uwv.Testing;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// Sends RequestHandover commands through the gateway at a fixed rate (open loop: a late answer does not slow the
/// sender), one per client and SMZ dossier, and measures when each becomes visible in the client's klantbeeld (the first
/// Redis keyspace notification of the client's document after the command was sent). The platform must be quiet when
/// it starts, so that the first change after the command is the handover.
/// </summary>
public sealed class HandoverLagDriver(PlatformClient client, string redis)
{
    private const string Procesbegeleider = "procesbegeleider.arnhem-noord";

    public sealed record Result(double OfferedPerSecond, Percentiles Command, Percentiles Visible, int Failed, int NotSeen, string FailedBy);

    public Task<Result> RunAsync(IReadOnlyList<(Guid Client, string Dossier)> targets, int perSecond, TimeSpan duration) =>
        KeyspaceNotifications.DuringAsync(redis, mux => DriveAsync(mux, targets, perSecond, duration));

    private async Task<Result> DriveAsync(ConnectionMultiplexer mux, IReadOnlyList<(Guid Client, string Dossier)> targets, int perSecond, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        var sentAt = new ConcurrentDictionary<string, long>();
        var visible = new ConcurrentBag<double>();
        await mux.GetSubscriber().SubscribeAsync(RedisChannel.Pattern("__keyspace@0__:klantbeeld:*"), (channel, _) =>
        {
            if (sentAt.TryRemove(channel.ToString()["__keyspace@0__:".Length..], out var at))
            {
                visible.Add(Milliseconds(clock.ElapsedTicks - at));
            }
        });

        var headers = client.As(Procesbegeleider);
        var handover = client.Handover;
        var answered = new ConcurrentBag<double>();
        var failed = 0;
        var failedBy = new ConcurrentDictionary<string, int>();
        var total = Math.Min(targets.Count, (int)(perSecond * duration.TotalSeconds));
        var calls = new List<Task>(total);
        var started = clock.Elapsed;
        for (var sent = 0; sent < total;)
        {
            var due = (int)Math.Min(total, (clock.Elapsed - started).TotalSeconds * perSecond);
            for (; sent < due; sent++)
            {
                var (clientId, dossierId) = targets[sent];
                var at = clock.ElapsedTicks;
                sentAt["klantbeeld:" + clientId.ToString("N")] = at;
                calls.Add(SendAsync(handover, headers, clientId, dossierId).ContinueWith(t =>
                {
                    if (t.IsCompletedSuccessfully)
                    {
                        answered.Add(Milliseconds(clock.ElapsedTicks - at));
                    }
                    else
                    {
                        Interlocked.Increment(ref failed);
                        failedBy.AddOrUpdate(Reason(t.Exception), 1, (_, n) => n + 1);
                    }
                }, TaskScheduler.Default));
            }
            await Task.Delay(1);
        }
        var offeredFor = (clock.Elapsed - started).TotalSeconds;
        await Task.WhenAll(calls);
        var drainDeadline = clock.Elapsed + TimeSpan.FromSeconds(30);
        while (visible.Count < total - failed && clock.Elapsed < drainDeadline)
        {
            await Task.Delay(100);
        }
        return new Result(total / offeredFor, Percentiles.Of(answered.ToArray()), Percentiles.Of(visible.ToArray()), failed, total - failed - visible.Count,
            string.Join(", ", failedBy.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value}")));
    }

    /// <summary>The gRPC status of a failed call, or the kind of exception when it never got one.</summary>
    private static string Reason(AggregateException? failure) =>
        failure?.InnerException is RpcException rpc ? rpc.StatusCode.ToString() : failure?.InnerException?.GetType().Name ?? "unknown";

    private static Task SendAsync(HandoverService.HandoverServiceClient handover, Metadata headers, Guid clientId, string dossierId) =>
        handover.RequestHandoverAsync(new RequestHandoverRequest
        {
            RequestId = Guid.NewGuid().ToString(), ClientId = clientId.ToString(), DossierId = dossierId,
            FromDivision = Division.Smz, ToDivision = Division.Werkbedrijf,
            Reason = "Beoordeling afgerond: re-integratie", OpenQuestions = "Welke sector?",
        }, headers).ResponseAsync;

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
