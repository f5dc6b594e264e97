using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;

namespace Uwv.IntegrationTests.Handover;

/// <summary>
/// A KPI key is spread over several rows (one per shard) so that concurrent handovers of one team do not queue on one
/// row lock; whatever the spread, every reader must see the sum. On a real SQLite database.
/// </summary>
public sealed class KpiShardTests : IAsyncLifetime
{
    private const string Team = "arnhem-noord";
    private static readonly DateOnly Day = new(2026, 3, 4);
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteHandoverServices.CreateAsync("kpi", services => services
            .AddScoped<KpiStore>());
    }

    [Fact]
    public async Task KpiIncrements_SpreadOverShards_AreReadAsTheirSum()
    {
        const int transactions = 64;
        for (var i = 0; i < transactions; i++)
        {
            await using var scope = _database.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<KpiStore>().IncrementAsync(
                [
                    new KpiDelta(Team, Day, DivisionCode.Smz, DivisionCode.Werkbedrijf, KpiMetrics.Requested, 1),
                    new KpiDelta(Team, Day, DivisionCode.Smz, DivisionCode.Werkbedrijf, KpiMetrics.Arrivals, 1),
                ],
                [new GaugeDelta(Team, DivisionCode.Werkbedrijf, KpiMetrics.OpenDossiers, i % 2 == 0 ? 2 : -1)], default);
        }

        await using var read = _database.Services.CreateAsyncScope();
        var db = read.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var store = read.ServiceProvider.GetRequiredService<KpiStore>();
        var period = KpiAccumulator.DayPeriod(Day);
        var dayRows = await db.KpiCounters.CountAsync(c => c.Period == period && c.Metric == KpiMetrics.Requested);
        dayRows.ShouldBeGreaterThan(1, "64 transactions over 16 shards all landing on one row would defeat the sharding");
        dayRows.ShouldBeLessThanOrEqualTo(KpiStore.Shards);

        var month = await store.SumAsync(new KpiQuery(Team, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), null, null), default);
        month[((int)DivisionCode.Smz, (int)DivisionCode.Werkbedrijf, KpiMetrics.Requested)].ShouldBe(transactions);
        var days = await store.SumAsync(new KpiQuery(Team, Day, Day, null, null), default);
        days[((int)DivisionCode.Smz, (int)DivisionCode.Werkbedrijf, KpiMetrics.Requested)].ShouldBe(transactions);
        (await store.ArrivalsAsync(new KpiQuery(Team, Day, Day, null, null), default))[(Team, (int)DivisionCode.Werkbedrijf)].ShouldBe(transactions);

        var gauges = await store.GaugesAsync(Team, default);
        const long level = (transactions / 2 * 2) - (transactions / 2); // the even transactions added 2, the odd ones took 1
        gauges.ShouldHaveSingleItem().ShouldBe((Team, (int)DivisionCode.Werkbedrijf, KpiMetrics.OpenDossiers, level));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
    }
}
