using System.Globalization;
using Uwv.Handover.Kpi;
using Uwv.Handover.Simulation;

namespace Uwv.UnitTests.Handover;

public sealed class SyntheticKpiHistoryTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static KpiAccumulator Fold(int seed = 11) => SyntheticKpiHistory.Fold(seed, 400, Today, 90, Uwv.UnitTests.Calendar.TestCalendar.Office);

    [Fact]
    public void PastHistory_HasRealLeadTimes_NotAllInTheFirstBucket()
    {
        var buckets = Fold().Counters
            .Where(c => c.Key.Period % 100 != 0 && c.Key.Metric.StartsWith(KpiMetrics.LeadTimePrefix, StringComparison.Ordinal))
            .GroupBy(c => int.Parse(c.Key.Metric.AsSpan(KpiMetrics.LeadTimePrefix.Length), CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

        buckets.Values.Sum().ShouldBeGreaterThan(300);
        LatencyHistogram.Percentile(buckets, 0.5).ShouldBeGreaterThan(LatencyHistogram.UpperBoundHours(0));
        LatencyHistogram.Percentile(buckets, 0.85).ShouldBeGreaterThan(LatencyHistogram.Percentile(buckets, 0.5));
    }

    [Fact]
    public void PastHistory_LiesBeforeToday_AndChangesNoGauge()
    {
        var history = Fold();
        var dayPeriods = history.Counters.Keys.Select(k => k.Period).Where(p => p % 100 != 0).ToList();

        dayPeriods.ShouldNotBeEmpty();
        dayPeriods.ShouldAllBe(p => p < KpiAccumulator.DayPeriod(Today));
        dayPeriods.Min().ShouldBeGreaterThanOrEqualTo(KpiAccumulator.DayPeriod(Today.AddDays(-90)));
        history.Gauges.ShouldBeEmpty();
    }

    [Fact]
    public void PastHistory_OnlyWholeLineages_EveryRequestedHandoverEnded()
    {
        var totals = Fold().Counters.Where(c => c.Key.Period % 100 != 0)
            .GroupBy(c => c.Key.Metric).ToDictionary(g => g.Key, g => g.Sum(c => c.Value));

        totals[KpiMetrics.Requested].ShouldBe(totals[KpiMetrics.Accepted] + totals.GetValueOrDefault(KpiMetrics.Cancelled));
    }

    [Fact]
    public void PastHistory_SameSeed_SameCounters() =>
        Fold(5).Counters.OrderBy(c => c.Key).ShouldBe(Fold(5).Counters.OrderBy(c => c.Key));
}
