using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.Handover.Data;

/// <summary>
/// Hands each KPI write of this process (a handover command or a consumed event, through <see cref="KpiStore"/>) a shard
/// of its own for the length of its transaction. With a shard picked at random, the 128 commands a process may serve at
/// once met on the same 16 shard rows and waited for each other's commit inside PostgreSQL (100 ms per upsert on average
/// under the benchmark's load); a write now waits here, holding no lock of the counters. Writers in other replicas may
/// still take the same shard. Every take records its wait (zero when a shard was free) in
/// the histogram <see cref="WaitMetric"/>: a share of writes that wait at all says the process serves more KPI writes at
/// once than there are shards.
/// </summary>
public sealed class KpiShardPool
{
    public const string WaitMetric = "uwv.kpi.shard_wait";

    private readonly Channel<short> _free = Channel.CreateBounded<short>(KpiStore.Shards);
    private readonly TimeProvider _clock;
    private readonly Histogram<double> _wait;
    private int _waiting;

    public KpiShardPool(TimeProvider clock, IMeterFactory meters)
    {
        _clock = clock;
        _wait = meters.Create(UwvTelemetry.Name)
            .CreateHistogram<double>(WaitMetric, "ms", "Time a KPI write waited for a counter shard of its own (0 when one was free)");
        // Each process starts at another shard, so replicas that take one shard each rarely take the same one.
        var start = Random.Shared.Next(KpiStore.Shards);
        for (var i = 0; i < KpiStore.Shards; i++)
        {
            _free.Writer.TryWrite((short)((start + i) % KpiStore.Shards));
        }
    }

    /// <summary>How many takers wait for a shard right now (all shards are leased).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits (in order of arrival) until a shard is free and takes it until the lease is disposed.</summary>
    public async ValueTask<Lease> TakeAsync(CancellationToken ct)
    {
        if (_free.Reader.TryRead(out var shard))
        {
            _wait.Record(0);
            return new(this, shard);
        }
        var started = _clock.GetTimestamp();
        Interlocked.Increment(ref _waiting);
        try
        {
            var lease = new Lease(this, await _free.Reader.ReadAsync(ct));
            _wait.Record(_clock.GetElapsedTime(started).TotalMilliseconds);
            return lease;
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    public sealed class Lease(KpiShardPool pool, short shard) : IDisposable
    {
        private int _returned;

        public short Shard { get; } = shard;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                pool._free.Writer.TryWrite(Shard);
            }
        }
    }
}
