using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Handover.Data;

namespace Uwv.UnitTests.Handover;

public sealed class KpiShardPoolTests : IDisposable
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    private KpiShardPool NewPool(TimeProvider? clock = null) =>
        new(clock ?? TimeProvider.System, _metrics.GetRequiredService<IMeterFactory>());

    public void Dispose() => _metrics.Dispose();

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
        var pool = NewPool();

        var leases = await TakeEveryShard(pool);

        leases.Select(l => l.Shard).Order().ShouldBe(Enumerable.Range(0, KpiStore.Shards).Select(i => (short)i));
    }

    [Fact]
    public async Task AWriter_WhenEveryShardIsTaken_WaitsUntilOneIsReturned_AndGetsThatOne()
    {
        var pool = NewPool();
        var leases = await TakeEveryShard(pool);

        var waiting = pool.TakeAsync(CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();
        leases[3].Dispose();

        (await waiting).Shard.ShouldBe(leases[3].Shard);
    }

    [Fact]
    public async Task Waiting_CountsTheWritersWithoutAShard_UntilTheyGetOne_OrGiveUp()
    {
        var pool = NewPool();
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
        var pool = NewPool();
        var leases = await TakeEveryShard(pool);

        leases[0].Dispose();
        leases[0].Dispose();
        await pool.TakeAsync(CancellationToken.None);

        pool.TakeAsync(CancellationToken.None).IsCompleted.ShouldBeFalse();
    }

    [Fact]
    public async Task AWaitingWriter_IsCancelled_WhenItsCallIs()
    {
        var pool = NewPool();
        await TakeEveryShard(pool);
        using var cancel = new CancellationTokenSource();

        var waiting = pool.TakeAsync(cancel.Token).AsTask();
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(waiting);
    }

    [Fact]
    public async Task AScope_WritingTwice_KeepsOneShard()
    {
        var pool = NewPool();
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
        var pool = NewPool();
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
        var pool = NewPool();
        var others = await TakeEveryShard(pool);
        others[2].Dispose();
        var scope = new ScopedKpiShard(pool);
        await scope.TakeAsync(CancellationToken.None);
        var waiting = pool.TakeAsync(CancellationToken.None).AsTask();
        waiting.IsCompleted.ShouldBeFalse();

        scope.Dispose();

        (await waiting).Shard.ShouldBe(others[2].Shard);
    }

    [Fact]
    public async Task ShardWait_IsRecordedAsZero_WhenAShardIsFree()
    {
        var pool = NewPool();
        using var waits = new RecordedWaits(_metrics);

        await pool.TakeAsync(CancellationToken.None);

        waits.Values.ShouldBe([0.0]);
    }

    [Fact]
    public async Task ShardWait_IsTheTimeAWriterWaited_UntilAShardWasReturned()
    {
        var clock = new SteppedClock();
        var pool = NewPool(clock);
        var leases = await TakeEveryShard(pool);
        using var waits = new RecordedWaits(_metrics);

        var waiting = pool.TakeAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(40));
        leases[0].Dispose();
        await waiting;

        waits.Values.ShouldBe([40.0]);
    }

    /// <summary>The shard waits recorded by the pools of this test's meter factory from now on.</summary>
    private sealed class RecordedWaits : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<double> _values = [];

        public RecordedWaits(IServiceProvider metrics)
        {
            var factory = metrics.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == KpiShardPool.WaitMetric && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
            {
                lock (_values)
                {
                    _values.Add(value);
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<double> Values
        {
            get
            {
                lock (_values)
                {
                    return [.. _values];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
