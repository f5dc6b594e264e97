using Uwv.Calendar;
using Uwv.Contracts.Events;

namespace Uwv.Handover.Kpi;

/// <summary>
/// Merges KPI increments in memory into the rows the store keeps: one day row, one month and one year rollup row per counter,
/// one row per gauge. The store writes what it merged; the benchmark and the tests fold whole histories through it.
/// </summary>
public sealed class KpiAccumulator
{
    public Dictionary<(int Period, string Team, int From, int To, string Metric), long> Counters { get; } = [];
    public Dictionary<(string Team, int Division, string Metric), long> Gauges { get; } = [];

    public static int DayPeriod(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    public static int MonthPeriod(DateOnly day) => (day.Year * 10000) + (day.Month * 100);

    public static int YearPeriod(DateOnly day) => day.Year * 10000;

    public void Add(IEnumerable<KpiDelta> counters, IEnumerable<GaugeDelta> gauges)
    {
        foreach (var d in counters)
        {
            Bump(Counters, (DayPeriod(d.Day), d.Team, (int)d.From, (int)d.To, d.Metric), d.Value);
            Bump(Counters, (MonthPeriod(d.Day), d.Team, (int)d.From, (int)d.To, d.Metric), d.Value);
            Bump(Counters, (YearPeriod(d.Day), d.Team, (int)d.From, (int)d.To, d.Metric), d.Value);
        }
        foreach (var g in gauges)
        {
            Bump(Gauges, (g.Team, (int)g.Division, g.Metric), g.Value);
        }
    }

    public void Add(KpiUpdate update) => Add(update.Counters, update.Gauges);

    /// <summary>The totals of a period read from the day rows (a plain recount, for comparison with the store's rollups).</summary>
    public KpiTotals Totals(string? team, DateOnly from, DateOnly to, IReadOnlyList<int>? pastDue = null)
    {
        var (first, last) = (DayPeriod(from), DayPeriod(to));
        var days = Counters.Where(c => c.Key.Period % 100 != 0 && c.Key.Period >= first && c.Key.Period <= last && (team is null || c.Key.Team == team)).ToList();
        var sums = days.GroupBy(c => (c.Key.From, c.Key.To, c.Key.Metric)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        var arrivals = days.Where(c => c.Key.Metric == KpiMetrics.Arrivals)
            .GroupBy(c => (c.Key.Team, c.Key.To)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        var gauges = Gauges.Where(g => team is null || g.Key.Team == team).Select(g => (g.Key.Team, g.Key.Division, g.Key.Metric, g.Value)).ToList();
        var perTeam = days.Where(c => KpiMetrics.IsPerTeam(c.Key.Metric))
            .GroupBy(c => (c.Key.Team, c.Key.From, c.Key.To, c.Key.Metric)).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
        return new KpiTotals(sums, arrivals, gauges, pastDue ?? [], 0, to.DayNumber - from.DayNumber + 1, perTeam);
    }

    private static void Bump<TKey>(Dictionary<TKey, long> map, TKey key, long value) where TKey : notnull =>
        map[key] = map.GetValueOrDefault(key) + value;
}

/// <summary>Folds events through the KPI projection, remembering each lineage's KPI state in memory.</summary>
public sealed class KpiFold(KpiAccumulator into, OfficeHours office)
{
    private readonly Dictionary<Guid, LineageKpi> _lineages = [];
    private readonly Dictionary<Guid, VerzoekKpi> _verzoeken = [];
    private readonly Dictionary<Guid, NormDeadlineKpi> _deadlines = [];

    public KpiAccumulator Accumulator { get; } = into;

    public void Apply(IClientEvent e)
    {
        if (NormKpi.IsNormEvent(e))
        {
            var deadline = NormKpi.DeadlineOf(e);
            var (next, deltas) = NormKpi.Apply(_deadlines.GetValueOrDefault(deadline), e, office);
            if (next is not null)
            {
                _deadlines[deadline] = next;
            }
            Accumulator.Add(deltas, []);
            return;
        }
        if (e is HerbeoordelingsverzoekOpened or HerbeoordelingsverzoekAnswered)
        {
            var id = e is HerbeoordelingsverzoekOpened o ? o.VerzoekId : ((HerbeoordelingsverzoekAnswered)e).VerzoekId;
            var (state, counters) = KpiProjection.ApplyVerzoek(_verzoeken.GetValueOrDefault(id), e, office);
            if (state is not null)
            {
                _verzoeken[id] = state;
            }
            Accumulator.Add(counters, []);
            return;
        }
        Guid? lineage = e is IHandoverEvent h ? h.Handover.LineageId : null;
        var update = KpiProjection.Apply(lineage is { } l ? _lineages.GetValueOrDefault(l) : null, e, office);
        if (lineage is { } key && update.Lineage is not null)
        {
            _lineages[key] = update.Lineage;
        }
        Accumulator.Add(update);
    }

    /// <summary>Forgets a lineage whose history is complete (the streaming generator keeps memory bounded).</summary>
    public void Forget(Guid lineageId) => _lineages.Remove(lineageId);
}
