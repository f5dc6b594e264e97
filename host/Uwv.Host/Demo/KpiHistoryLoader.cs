using Microsoft.EntityFrameworkCore;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;
using Uwv.Handover.Simulation;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Host.Demo;

/// <summary>
/// Gives the demo's dashboard a past. The demo's own work runs through the APIs today, so every handover it makes is
/// accepted within seconds and the lead times would all lie in the first bucket. The area teams' handovers of the
/// <see cref="DemoOptions.Days"/> before today come from <see cref="SyntheticKpiHistory"/> (other lineages than the
/// replayed ones) and go into the KPI counters only. Loaded once, in one transaction: not when the store already holds
/// a day before today.
/// </summary>
public sealed class KpiHistoryLoader(IServiceScopeFactory scopes, Uwv.Calendar.OfficeHours office)
{
    /// <summary>Keeps the past's lineages apart from the replayed ones of the same seed.</summary>
    private const int HistorySeedSalt = 0x50415354;

    /// <summary>Loads the past's counters; false when they were there already.</summary>
    public async Task<bool> LoadAsync(DemoOptions demo, DateOnly today, CancellationToken ct)
    {
        var history = SyntheticKpiHistory.Fold(demo.Seed ^ HistorySeedSalt, demo.Clients, today, demo.Days, office);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandoverDbContext>();
        var todayPeriod = KpiAccumulator.DayPeriod(today);
        var loaded = false;
        // One transaction, repeated whole on a transient database failure (PostgreSQL's retrying strategy).
        await db.InTransactionAsync(async attempt =>
        {
            loaded = false;
            if (await HasPastAsync(db, todayPeriod, attempt))
            {
                return;
            }
            await new KpiStore(db).UpsertCountersAsync(history.Counters.OrderBy(c => c.Key).Select(c => (c.Key, c.Value)).ToList(), attempt);
            loaded = true;
        }, attempt => HasPastAsync(db, todayPeriod, attempt), ct);
        return loaded;
    }

    private static Task<bool> HasPastAsync(HandoverDbContext db, int todayPeriod, CancellationToken ct) =>
        db.KpiCounters.AnyAsync(c => c.Period < todayPeriod && c.Period % 100 != 0, ct);
}
