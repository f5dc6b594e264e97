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
    public async Task Waiting_CountsTheWritersWithoutAShard_UntilTheyGetOne_OrGiveUp()
    {
        var pool = new KpiShardPool();
        var leases = await TakeEveryShard(pool);
        pool.Waiting.ShouldBe(0);
        using var cancel = new CancellationTokenSource();

        var first = pool.TakeAsync(CancellationToken.None).AsTask();
        var second = pool.TakeAsync(cancel.Token).AsTask();
        pool.Waiting.ShouldBe(2);

        leases[0].Dispose();
        await first;
        pool.Waiting.ShouldBe(1);
        await cancel.CancelAsync();
        await Should.ThrowAsync<OperationCanceledException>(second);
        pool.Waiting.ShouldBe(0);
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

    [Fact]
    public async Task AScope_WritingTwice_KeepsOneShard()
    {
        var pool = new KpiShardPool();
        using var scope = new ScopedKpiShard(pool);

        var first = await scope.TakeAsync(CancellationToken.None);
        var second = await scope.TakeAsync(CancellationToken.None);

        second.ShouldBe(first);
        for (var i = 0; i < KpiStore.Shards - 1; i++)
        {
            (await pool.TakeAsync(CancellationToken.None)).Shard.ShouldNotBe(first);
        }
        pool.TakeAsync(CancellationToken.None).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task AScope_ReleasingItsShard_ReturnsIt_AndLeasesAgainOnItsNextWrite()
    {
        var pool = new KpiShardPool();
        var others = await TakeEveryShard(pool);
        others[5].Dispose();
        using var scope = new ScopedKpiShard(pool);
        var taken = await scope.TakeAsync(CancellationToken.None);

        scope.Release();
        var waiting = scope.TakeAsync(CancellationToken.None).AsTask();

        taken.ShouldBe(others[5].Shard);
        (await waiting).ShouldBe(taken);
        pool.TakeAsync(CancellationToken.None).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task AScope_WhenItEnds_ReturnsItsShard()
    {
        var pool = new KpiShardPool();
        var others = await TakeEveryShard(pool);
        others[2].Dispose();
        var scope = new ScopedKpiShard(pool);
        await scope.TakeAsync(CancellationToken.None);
        var waiting = pool.TakeAsync(CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        scope.Dispose();

        (await waiting).Shard.ShouldBe(others[2].Shard);
    }
}
