using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;

namespace Uwv.Handover.Simulation;

/// <summary>
/// The handover counters of a synthetic past: <see cref="SyntheticHistory"/> lineages whose every event lies in the
/// <c>days</c> before <c>today</c>, folded through the KPI projection. Only whole lineages count (one still running
/// today would leave a handover open that no table holds), and only counters: the gauges describe today's open work,
/// which the past does not change. The same seed always gives the same counters.
/// </summary>
public static class SyntheticKpiHistory
{
    public static KpiAccumulator Fold(int seed, int lineages, DateOnly today, int days, OfficeHours office)
    {
        var fold = new KpiFold(new KpiAccumulator(), office);
        var history = new SyntheticHistory(office);
        foreach (var lineage in history.Lineages(seed, (long)Math.Ceiling(lineages * 1.6), today.AddDays(-days), days))
        {
            if (lineage.Count == 0 || lineage.Any(e => office.DateOf(e.OccurredAt) >= today))
            {
                continue;
            }
            foreach (var e in lineage)
            {
                fold.Apply(e);
            }
            fold.Forget(lineage.OfType<DossierOpened>().First().DossierId);
        }
        fold.Accumulator.Gauges.Clear();
        return fold.Accumulator;
    }
}
