using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.FaultTests.Persistence;

/// <summary>
/// The handover writes' KPI increments wait as rows of their own until a fold adds them to the shared counters
/// (decision 0039), on the real PostgreSQL: folds running at once add every increment exactly once, and a write sends its
/// increments in its one batch, touching no shared counter row. A database of its own.
/// </summary>
public sealed class PendingKpisTests : IAsyncLifetime
{
    private const string Team = "arnhem-noord";
    private static readonly DateOnly Day = new(2026, 11, 30);

    private readonly ScratchHandoverDatabase _db = new("pendingkpis");

    public Task InitializeAsync() => _db.InitializeAsync();

    [Fact]
    public async Task Folds_RunningAtOnce_AddEveryIncrementExactlyOnce()
    {
        const int writes = 300;
        for (var w = 0; w < writes; w++)
        {
            await using var db = Open();
            new PendingKpis(db, new KpiStore(db)).Stage(
                [
                    new KpiDelta(Team, Day, DivisionCode.Smz, DivisionCode.Werkbedrijf, KpiMetrics.Requested, 1),
                    new KpiDelta(Team, Day.AddDays(w % 3), DivisionCode.Smz, DivisionCode.Werkbedrijf, KpiMetrics.Arrivals, 2),
                ],
                [new GaugeDelta(Team, DivisionCode.Werkbedrijf, KpiMetrics.OpenDossiers, w % 2 == 0 ? 3 : -1)]);
            await db.SaveAtomicallyAsync(_ => Task.FromResult(true), default);
        }

        // Four folds start together and read the same first rows; each row may be claimed by one of them only.
        var contexts = Enumerable.Range(0, 4).Select(_ => Open()).ToList();
        var folded = await Task.WhenAll(contexts.Select(db => new PendingKpis(db, new KpiStore(db)).FoldAsync(default)));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }

        folded.Sum().ShouldBeGreaterThanOrEqualTo(writes * 2, "each write's counter rows were folded by one of the folds");
        await using var read = Open();
        (await read.KpiCounterIncrements.CountAsync()).ShouldBe(0);
        (await read.KpiGaugeIncrements.CountAsync()).ShouldBe(0);
        (await Counter(read, KpiAccumulator.DayPeriod(Day), KpiMetrics.Requested)).ShouldBe(writes);
        (await Counter(read, KpiAccumulator.MonthPeriod(Day), KpiMetrics.Requested)).ShouldBe(writes);
        (await Counter(read, KpiAccumulator.YearPeriod(Day), KpiMetrics.Requested)).ShouldBe(writes);
        (await Counter(read, KpiAccumulator.DayPeriod(Day.AddDays(1)), KpiMetrics.Arrivals)).ShouldBe(2 * (writes / 3));
        // 2026-12-01 and 12-02 are in the next month: the rollups follow the increment's own day.
        (await Counter(read, KpiAccumulator.MonthPeriod(Day.AddDays(1)), KpiMetrics.Arrivals)).ShouldBe(2 * 2 * (writes / 3));
        (await read.KpiGauges.Where(g => g.Metric == KpiMetrics.OpenDossiers).SumAsync(g => g.Value)).ShouldBe((writes / 2 * 3) - (writes / 2));
    }

    [Fact]
    public async Task Write_WithItsIncrements_IsOneBatch_AndLocksNoSharedRow()
    {
        var seen = new SeenCommands();
        await using var db = Open(seen);
        new PendingKpis(db, new KpiStore(db)).Stage(
            [new KpiDelta(Team, Day, DivisionCode.Smz, DivisionCode.Uitkeren, KpiMetrics.Requested, 1)],
            [new GaugeDelta(Team, DivisionCode.Uitkeren, KpiMetrics.OpenDossiers, 1)]);
        db.KpiLineages.Add(new KpiLineageRecord { LineageId = Guid.NewGuid(), State = "{}" });

        await db.SaveAtomicallyAsync(_ => Task.FromResult(true), default);

        seen.Commands.ShouldBe(1);
        (await db.KpiCounters.CountAsync()).ShouldBe(0);
        (await db.KpiGauges.CountAsync()).ShouldBe(0);
        (await db.KpiCounterIncrements.CountAsync()).ShouldBe(1);
        (await db.KpiGaugeIncrements.CountAsync()).ShouldBe(1);
    }

    public Task DisposeAsync() => _db.DisposeAsync();

    private static Task<long> Counter(HandoverDbContext db, int period, string metric) =>
        db.KpiCounters.Where(c => c.Period == period && c.Metric == metric).SumAsync(c => c.Value);

    private HandoverDbContext Open(params IInterceptor[] interceptors) => _db.Open(interceptors);

    /// <summary>Counts the commands EF Core sends.</summary>
    private sealed class SeenCommands : DbCommandInterceptor
    {
        public int Commands { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands++;
            return ValueTask.FromResult(result);
        }
    }
}
