using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Kpi;
using Division = Uwv.Contracts.Common.V1.Division;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.UnitTests.Handover;

/// <summary>
/// The dashboard's arithmetic over given totals: sums over every division pair (not the largest), the order of the
/// rows, what is left out (zero rows, other metrics), and zero denominators giving 0 rather than NaN or infinity.
/// </summary>
public sealed class KpiDashboardBuilderTests
{
    private const int Smz = 1, Wb = 2, Uit = 3, Bb = 4;

    private static KpiTotals Totals(
        Dictionary<(int From, int To, string Metric), long>? sums = null,
        Dictionary<(string Team, int Division), long>? arrivals = null,
        List<(string Team, int Division, string Metric, long Value)>? gauges = null,
        List<int>? pastDue = null,
        int days = 30) =>
        new(sums ?? [], arrivals ?? [], gauges ?? [], pastDue ?? [], 0, days);

    [Fact]
    public void Shares_OfNothing_AreZero_NotNaN()
    {
        var d = KpiDashboardBuilder.Build(Totals());

        d.NazorgCompliance.Compliance.ShouldBe(0);
        d.PingPong.Rate.ShouldBe(0);
        d.Returned.Rate.ShouldBe(0);
    }

    [Fact]
    public void Handovers_AreListedByCountThenPair_WithoutEmptyPairs()
    {
        var d = KpiDashboardBuilder.Build(Totals(sums: new()
        {
            [(Wb, Smz, M.Transferred)] = 3, [(Smz, Uit, M.Transferred)] = 3, [(Smz, Wb, M.Transferred)] = 3,
            [(Uit, Bb, M.Transferred)] = 0, [(Bb, Smz, M.Transferred)] = 7,
        }));

        d.Handovers.Select(h => ((int)h.FromDivision, (int)h.ToDivision, h.Count))
            .ShouldBe([(Bb, Smz, 7L), (Smz, Wb, 3L), (Smz, Uit, 3L), (Wb, Smz, 3L)]);
    }

    [Fact]
    public void ReturnReasons_AreSummedOverPairs_MostFrequentFirst_TiesByName_WithoutZeros()
    {
        var d = KpiDashboardBuilder.Build(Totals(sums: new()
        {
            [(Smz, Wb, M.ReturnedReasonPrefix + "onvolledig")] = 2, [(Smz, Uit, M.ReturnedReasonPrefix + "onvolledig")] = 3,
            [(Smz, Wb, M.ReturnedReasonPrefix + "verkeerd")] = 4,
            [(Smz, Wb, M.ReturnedReasonPrefix + "b-reden")] = 1, [(Smz, Wb, M.ReturnedReasonPrefix + "a-reden")] = 1,
            [(Smz, Wb, M.ReturnedReasonPrefix + "nul")] = 0,
        }));

        d.Returned.Reasons.Select(r => (r.Reason, r.Count))
            .ShouldBe([("onvolledig", 5L), ("verkeerd", 4L), ("a-reden", 1L), ("b-reden", 1L)]);
    }

    [Fact]
    public void AcceptanceLatency_SumsEachBucketOverPairs()
    {
        var d = KpiDashboardBuilder.Build(Totals(sums: new()
        {
            [(Smz, Wb, M.AcceptanceLatencyPrefix + "1")] = 2, [(Smz, Uit, M.AcceptanceLatencyPrefix + "1")] = 2,
            [(Smz, Wb, M.AcceptanceLatencyPrefix + "40")] = 3,
        }));

        // Seven acceptances, four in bucket 1: the median lies in bucket 1 (with the largest pair only, it would not).
        d.AcceptanceLatency.P50OfficeHours.ShouldBe(LatencyHistogram.UpperBoundHours(1));
    }

    [Fact]
    public void ReintegratieOwners_ArePerTeamInNameOrder_SummedAndTotalled_FromTheirGaugeOnly()
    {
        var d = KpiDashboardBuilder.Build(Totals(gauges:
        [
            ("arnhem-zuid", 0, M.WgaWithoutReintegratieOwner, 2), ("arnhem-centrum", 0, M.WgaWithoutReintegratieOwner, 1),
            ("arnhem-centrum", 0, M.WgaWithoutReintegratieOwner, 3), ("arnhem-noord", Smz, M.OpenDossiers, 9),
        ]));

        d.ReintegratieOwners.ByTeam.Select(t => (t.AreaTeam, t.Count)).ShouldBe([("arnhem-centrum", 4L), ("arnhem-zuid", 2L)]);
        d.ReintegratieOwners.WgaClientsWithoutOwner.ShouldBe(6);
    }

    [Fact]
    public void UnacceptedByAge_CountsEachHandoverInExactlyOneBucket()
    {
        var d = KpiDashboardBuilder.Build(Totals(pastDue: [0, 1, 2, 5, 6, 10, 11]));

        d.Unaccepted.ByAge.Select(b => b.Count).ShouldBe([2, 2, 2, 1]);
        d.Unaccepted.OpenPastSla.ShouldBe(7);
    }

    [Fact]
    public void FlowTime_IsSummedOverSenders_AndADivisionWithoutEpisodesIsLeftOut()
    {
        var d = KpiDashboardBuilder.Build(Totals(sums: new()
        {
            [(Smz, Wb, M.FlowEpisodes)] = 1, [(Uit, Wb, M.FlowEpisodes)] = 1,
            [(Smz, Wb, M.FlowMinutes)] = 60, [(Uit, Wb, M.FlowMinutes)] = 120, [(Uit, Wb, M.FlowWaitMinutes)] = 90,
            [(Smz, Bb, M.FlowMinutes)] = 30,
            [(Wb, Uit, M.FlowEpisodes)] = 2,
        }));

        d.FlowTime.Select(f => f.Division).ShouldBe([Division.Werkbedrijf, Division.Uitkeren]);
        var werkbedrijf = d.FlowTime[0];
        werkbedrijf.MeanFlowOfficeHours.ShouldBe(1.5);
        werkbedrijf.Efficiency.ShouldBe(0.5);
        // Episodes without minutes: all of it was work, nothing waited.
        d.FlowTime[1].Efficiency.ShouldBe(1);
    }

    [Fact]
    public void FlowLoad_IsPerTeamAndDivisionInOrder_SummingOpenDossiers_FromItsOwnGaugeOnly()
    {
        var d = KpiDashboardBuilder.Build(Totals(
            gauges:
            [
                ("arnhem-zuid", Smz, M.OpenDossiers, 1), ("arnhem-centrum", Wb, M.OpenDossiers, 2),
                ("arnhem-centrum", Wb, M.OpenDossiers, 3), ("arnhem-centrum", Smz, M.OpenDossiers, 4),
                ("arnhem-noord", Uit, M.EscalationsOpen, 5),
            ],
            arrivals: new() { [("arnhem-centrum", Wb)] = 15 }));

        d.FlowLoad.Select(f => (f.AreaTeam, (int)f.Division, f.OpenDossiers))
            .ShouldBe([("arnhem-centrum", Smz, 4L), ("arnhem-centrum", Wb, 5L), ("arnhem-zuid", Smz, 1L)]);
        d.FlowLoad[1].ArrivalsPerDay.ShouldBe(0.5);
    }

    [Fact]
    public void FlowLoad_OfAPeriodWithoutDays_HasNoArrivalsPerDay()
    {
        var d = KpiDashboardBuilder.Build(Totals(arrivals: new() { [("arnhem-centrum", Wb)] = 15 }, days: 0));

        d.FlowLoad.Single().ArrivalsPerDay.ShouldBe(0);
    }
}
