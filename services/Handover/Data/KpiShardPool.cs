using System.Threading.Channels;

namespace Uwv.Handover.Data;

/// <summary>
/// Hands each KPI write of this process (a handover command or a consumed event, through <see cref="KpiStore"/>) a shard
/// of its own for the length of its transaction. With a shard picked at random, the 128 commands a process may serve at
/// once met on the same 16 shard rows and waited for each other's commit inside PostgreSQL (100 ms per upsert on average
/// under the benchmark's load); a write now waits here, holding no lock of the counters. Writers in other replicas may
/// still take the same shard.
/// </summary>
public sealed class KpiShardPool
{
    private readonly Channel<short> _free = Channel.CreateBounded<short>(KpiStore.Shards);

    public KpiShardPool()
    {
        // Each process starts at another shard, so replicas that take one shard each rarely take the same one.
        var start = Random.Shared.Next(KpiStore.Shards);
        for (var i = 0; i < KpiStore.Shards; i++)
        {
            _free.Writer.TryWrite((short)((start + i) % KpiStore.Shards));
        }
    }

    private int _waiting;

    /// <summary>How many takers wait for a shard right now (all shards are leased).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits (in order of arrival) until a shard is free and takes it until the lease is disposed.</summary>
    public async ValueTask<Lease> TakeAsync(CancellationToken ct)
    {
        if (_free.Reader.TryRead(out var shard))
        {
            return new(this, shard);
        }
        Interlocked.Increment(ref _waiting);
        try
        {
            return new(this, await _free.Reader.ReadAsync(ct));
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
