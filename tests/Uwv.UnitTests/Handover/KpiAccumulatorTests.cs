using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.UnitTests.Handover;

/// <summary>The recount of a period from the day rows: its last day counts, rollup rows never, gauges of the team only.</summary>
public sealed class KpiAccumulatorTests
{
    private static KpiDelta On(int month, int day, string team = "arnhem-noord") =>
        new(team, new DateOnly(2026, month, day), DivisionCode.Smz, DivisionCode.Werkbedrijf, M.Transferred, 1);

    [Fact]
    public void Totals_AcrossAMonthBoundary_CountEachDayOnce_IncludingTheLastDay()
    {
        var accumulator = new KpiAccumulator();
        accumulator.Add([On(1, 20), On(2, 3), On(2, 15), On(2, 16)], []);

        var totals = accumulator.Totals(null, new DateOnly(2026, 1, 15), new DateOnly(2026, 2, 15));

        totals.Sums[((int)DivisionCode.Smz, (int)DivisionCode.Werkbedrijf, M.Transferred)].ShouldBe(3);
    }

    [Fact]
    public void Totals_OfATeam_HaveOnlyThatTeamsGauges()
    {
        var accumulator = new KpiAccumulator();
        accumulator.Add([], [new GaugeDelta("arnhem-noord", DivisionCode.Smz, M.OpenDossiers, 2), new GaugeDelta("arnhem-zuid", DivisionCode.Smz, M.OpenDossiers, 5)]);

        accumulator.Totals("arnhem-noord", new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)).Gauges
            .ShouldBe([("arnhem-noord", (int)DivisionCode.Smz, M.OpenDossiers, 2L)]);
        accumulator.Totals(null, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)).Gauges.Count.ShouldBe(2);
    }
}
