using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;
using Uwv.Host.Demo;

namespace Uwv.IntegrationTests.Demo;

/// <summary>The demo's past handover figures are loaded once, whatever the restarts; on a real SQLite database.</summary>
public sealed class KpiHistoryLoaderTests : IAsyncLifetime
{
    private static readonly Uwv.Calendar.OfficeHours Office = Uwv.ServiceDefaults.Calendar.CalendarExtensions.FromPlatformFile();
    private static readonly DateOnly Today = new(2026, 12, 2);
    private static readonly DemoOptions Demo = new() { Clients = 120, Days = 60 };
    private SqliteHandoverServices _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteHandoverServices.CreateAsync("demo-kpi");
    }

    [Fact]
    public async Task DemoHistory_IsLoadedOnce_ASecondStartAddsNothing()
    {
        var loader = new KpiHistoryLoader(_database.Services.GetRequiredService<IServiceScopeFactory>(), Office);

        (await loader.LoadAsync(Demo, Today, default)).ShouldBeTrue();
        var first = await CountersAsync();
        (await loader.LoadAsync(Demo, Today, default)).ShouldBeFalse();

        (await CountersAsync()).ShouldBe(first);
        first.Where(c => c.Key.Metric.StartsWith(KpiMetrics.LeadTimePrefix, StringComparison.Ordinal)).Sum(c => c.Value).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task DemoHistory_WithTodaysWorkAlreadyCounted_IsAddedToIt()
    {
        var todayPeriod = KpiAccumulator.DayPeriod(Today);
        await using (var scope = _database.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
            db.KpiCounters.Add(new KpiCounter { Team = "arnhem-noord", Period = todayPeriod, FromDivision = 1, ToDivision = 2, Metric = KpiMetrics.Requested, Value = 3 });
            await db.SaveChangesAsync();
        }

        (await new KpiHistoryLoader(_database.Services.GetRequiredService<IServiceScopeFactory>(), Office).LoadAsync(Demo, Today, default)).ShouldBeTrue();

        var counters = await CountersAsync();
        counters[(todayPeriod, "arnhem-noord", 1, 2, KpiMetrics.Requested)].ShouldBe(3);
        counters.Keys.Where(k => k.Period % 100 != 0 && k.Period != todayPeriod).ShouldNotBeEmpty();
    }

    private async Task<Dictionary<(int Period, string Team, int From, int To, string Metric), long>> CountersAsync()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HandoverDbContext>().KpiCounters.AsNoTracking()
            .GroupBy(c => new { c.Period, c.Team, c.FromDivision, c.ToDivision, c.Metric })
            .ToDictionaryAsync(g => (g.Key.Period, g.Key.Team, g.Key.FromDivision, g.Key.ToDivision, g.Key.Metric), g => g.Sum(c => c.Value));
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
    }
}
