using Uwv.Handover.Data;

namespace Uwv.UnitTests.Handover;

public sealed class KpiShardPoolTests
{
    private static async Task<List<KpiShardPool.Lease>> TakeEveryShard(KpiShardPool pool)
    {
        var leases = new List<KpiShardPool.Lease>();
        for (var i = 0; i < KpiStore.Shards; i++)
        {
            leases.Add(await pool.TakeAsync(CancellationToken.None));
        }
        return leases;
    }

    [Fact]
    public async Task ConcurrentWriters_EachGetAShardOfTheirOwn()
    {
        var pool = new KpiShardPool();

        var leases = await TakeEveryShard(pool);

        leases.Select(l => l.Shard).Order().ShouldBe(Enumerable.Range(0, KpiStore.Shards).Select(i => (short)i));
    }

    [Fact]
    public async Task AWriter_WhenEveryShardIsTaken_WaitsUntilOneIsReturned_AndGetsThatOne()
    {
        var pool = new KpiShardPool();
        var leases = await TakeEveryShard(pool);

        var waiting = pool.TakeAsync(CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();
        leases[3].Dispose();

        (await waiting).Shard.ShouldBe(leases[3].Shard);
    }

    [Fact]
    public async Task ALease_ReturnedTwice_FreesItsShardOnce()
    {
        var pool = new KpiShardPool();
        var leases = await TakeEveryShard(pool);

        leases[0].Dispose();
        leases[0].Dispose();
        await pool.TakeAsync(CancellationToken.None);

        pool.TakeAsync(CancellationToken.None).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task AWaitingWriter_IsCancelled_WhenItsCallIs()
    {
        var pool = new KpiShardPool();
        await TakeEveryShard(pool);
        using var cancel = new CancellationTokenSource();

        var waiting = pool.TakeAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
    }
}
