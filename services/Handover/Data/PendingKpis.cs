using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Data;

/// <summary>
/// The KPI increments of handover writes, kept as rows of their own until they are added to the shared counters
/// (decision 0039). A write stages its increments with its other changes, so they commit in its one batch and lock no
/// shared row; <see cref="FoldAsync"/> later adds many writes' increments to the counters in one transaction. A fold
/// claims the rows it read by deleting them: when another fold claimed any of them first, it starts again, so every
/// increment is added exactly once.
/// </summary>
public sealed class PendingKpis(HandoverDbContext db, KpiStore store)
{
    /// <summary>At most this many rows of each kind are added per fold transaction.</summary>
    public const int FoldBatch = 2000;

    private const int MaxRaces = 20;

    /// <summary>Stages the increments (merged per key) in the change tracker; the caller's save writes them.</summary>
    /// <returns>Whether anything was staged.</returns>
    public bool Stage(IEnumerable<KpiDelta> counters, IEnumerable<GaugeDelta> gauges)
    {
        var staged = false;
        var days = counters.GroupBy(d => (Day: KpiAccumulator.DayPeriod(d.Day), d.Team, d.From, d.To, d.Metric));
        foreach (var day in days.OrderBy(g => g.Key))
        {
            var value = day.Sum(d => d.Value);
            if (value == 0)
            {
                continue;
            }
            db.KpiCounterIncrements.Add(new KpiCounterIncrement
            {
                Id = Guid.CreateVersion7(), Day = day.Key.Day, Team = day.Key.Team, FromDivision = (int)day.Key.From,
                ToDivision = (int)day.Key.To, Metric = day.Key.Metric, Value = value,
            });
            staged = true;
        }
        foreach (var gauge in gauges.GroupBy(g => (g.Team, g.Division, g.Metric)).OrderBy(g => g.Key))
        {
            var value = gauge.Sum(g => g.Value);
            if (value == 0)
            {
                continue;
            }
            db.KpiGaugeIncrements.Add(new KpiGaugeIncrement
            {
                Id = Guid.CreateVersion7(), Team = gauge.Key.Team, Division = (int)gauge.Key.Division, Metric = gauge.Key.Metric, Value = value,
            });
            staged = true;
        }
        return staged;
    }

    /// <summary>
    /// Adds every increment committed before the call to the counters and gauges; when it returns, a read of the
    /// counters sees all of them.
    /// </summary>
    /// <returns>The number of increments this call added (others may have been added by a concurrent fold).</returns>
    public async Task<int> FoldAsync(CancellationToken ct)
    {
        var total = 0;
        var races = 0;
        while (true)
        {
            int folded;
            try
            {
                folded = await FoldOnceAsync(ct);
            }
            catch (ClaimedElsewhereException) when (++races < MaxRaces)
            {
                // Another fold took some of the rows first and will add them: read what is left.
                continue;
            }
            total += folded;
            if (folded < FoldBatch)
            {
                return total;
            }
        }
    }

    private async Task<int> FoldOnceAsync(CancellationToken ct)
    {
        var folded = 0;
        (Guid? Counter, Guid? Gauge) first = (null, null);
        await db.InTransactionAsync(async attempt =>
        {
            var counters = await db.KpiCounterIncrements.AsNoTracking().OrderBy(i => i.Id).Take(FoldBatch).ToListAsync(attempt);
            var gauges = await db.KpiGaugeIncrements.AsNoTracking().OrderBy(i => i.Id).Take(FoldBatch).ToListAsync(attempt);
            folded = Math.Max(counters.Count, gauges.Count);
            if (folded == 0)
            {
                return;
            }
            first = (counters.FirstOrDefault()?.Id, gauges.FirstOrDefault()?.Id);
            // The claim comes first: a concurrent fold of the same rows waits here until this one ends, then finds
            // them gone.
            var counterIds = counters.Select(i => i.Id).ToList();
            var gaugeIds = gauges.Select(i => i.Id).ToList();
            if (await db.KpiCounterIncrements.Where(i => counterIds.Contains(i.Id)).ExecuteDeleteAsync(attempt) != counterIds.Count
                || await db.KpiGaugeIncrements.Where(i => gaugeIds.Contains(i.Id)).ExecuteDeleteAsync(attempt) != gaugeIds.Count)
            {
                throw new ClaimedElsewhereException();
            }
            await store.IncrementAsync(counters.Select(ToDelta), gauges.Select(ToDelta), attempt);
        },
        attempt => ClaimedRowsAreGoneAsync(first.Counter, first.Gauge, attempt),
        ct);
        return folded;
    }

    /// <summary>
    /// After a commit whose outcome is unknown: the claimed rows are gone only if they were added, by this fold or by
    /// another one that claimed them after this one failed.
    /// </summary>
    private async Task<bool> ClaimedRowsAreGoneAsync(Guid? counter, Guid? gauge, CancellationToken ct) =>
        !(counter is { } c && await db.KpiCounterIncrements.AnyAsync(i => i.Id == c, ct))
        && !(gauge is { } g && await db.KpiGaugeIncrements.AnyAsync(i => i.Id == g, ct));

    private static KpiDelta ToDelta(KpiCounterIncrement i) =>
        new(i.Team, new DateOnly(i.Day / 10000, i.Day / 100 % 100, i.Day % 100), (DivisionCode)i.FromDivision, (DivisionCode)i.ToDivision, i.Metric, i.Value);

    private static GaugeDelta ToDelta(KpiGaugeIncrement i) => new(i.Team, (DivisionCode)i.Division, i.Metric, i.Value);

    private sealed class ClaimedElsewhereException() : Exception("another fold claimed some of the pending KPI increments first");
}
