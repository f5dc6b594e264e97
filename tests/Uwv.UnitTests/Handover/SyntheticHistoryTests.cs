using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using Uwv.Handover.Simulation;

namespace Uwv.UnitTests.Handover;

public sealed class SyntheticHistoryTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private static readonly SyntheticHistory History = new(Uwv.UnitTests.Calendar.TestCalendar.Office);

    [Fact]
    public void SyntheticHistory_SameSeed_GivesSameEvents()
    {
        var first = History.Lineages(7, 300, Start, 365).SelectMany(l => l).Select(e => e.ToString()).ToList();
        var second = History.Lineages(7, 300, Start, 365).SelectMany(l => l).Select(e => e.ToString()).ToList();

        second.ShouldBe(first);
        first.Count.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void SyntheticHistory_Partitions_TogetherGiveTheWholeHistory()
    {
        var whole = History.Lineages(7, 300, Start, 365).SelectMany(l => l).Count();
        var parts = Enumerable.Range(0, 3).Sum(p => History.Lineages(7, 300, Start, 365, p, 3).SelectMany(l => l).Count());

        parts.ShouldBe(whole);
    }

    [Fact]
    public void KpiAggregation_OfSyntheticHistory_RollupsEqualRecountOfDays_AndMatchCountedEvents()
    {
        var fold = new KpiFold(new KpiAccumulator(), Uwv.UnitTests.Calendar.TestCalendar.Office);
        var events = History.Lineages(11, 2000, Start, 365).SelectMany(l => l).ToList();
        events.ForEach(fold.Apply);
        var acc = fold.Accumulator;

        long Rollup(Func<int, bool> period, string metric) => acc.Counters.Where(c => period(c.Key.Period) && c.Key.Metric == metric).Sum(c => c.Value);
        foreach (var metric in new[] { KpiMetrics.Transferred, KpiMetrics.Accepted, KpiMetrics.Returned, KpiMetrics.PingPongDirect, KpiMetrics.EscalationsFired })
        {
            var days = Rollup(p => p % 100 != 0, metric);
            Rollup(p => p % 100 == 0 && p % 10000 != 0, metric).ShouldBe(days, metric);
            Rollup(p => p % 10000 == 0, metric).ShouldBe(days, metric);
        }
        Rollup(p => p % 100 != 0, KpiMetrics.Transferred).ShouldBe(events.OfType<HandoverTransferred>().Count());
        Rollup(p => p % 100 != 0, KpiMetrics.Returned).ShouldBe(events.OfType<HandoverReturned>().Count());
        Rollup(p => p % 100 != 0, KpiMetrics.DossiersHandedOver)
            .ShouldBe(events.OfType<HandoverTransferred>().Select(e => e.Handover.LineageId).Distinct().Count());
        Rollup(p => p % 100 != 0, KpiMetrics.DossiersPingPonged)
            .ShouldBe(events.OfType<PingPongDetected>().Select(e => e.Handover.LineageId).Distinct().Count());
        events.OfType<PingPongDetected>().ShouldNotBeEmpty();
        events.OfType<HandoverEscalated>().ShouldNotBeEmpty();
        acc.Gauges.Where(g => g.Key.Metric == KpiMetrics.OpenDossiers).Sum(g => g.Value).ShouldBe(events.OfType<DossierOpened>().Count());
    }

    [Fact]
    public void LatencyHistogram_Percentile_IsNearestRankUpperBucketBound()
    {
        var counts = new[] { 1.0, 2, 4, 9 }.Select(h => LatencyHistogram.BucketOf(TimeSpan.FromHours(h))).ToDictionary(b => b, _ => 1L);

        (LatencyHistogram.Percentile(counts, 0.5), LatencyHistogram.Percentile(counts, 0.85)).ShouldBe((2.0, 9.0));
    }
}
