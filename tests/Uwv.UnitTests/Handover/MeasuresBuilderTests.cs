using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Kpi;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.UnitTests.Handover;

/// <summary>The manager's measures from the per-team counters: row order, totals over teams, zero denominators.</summary>
public sealed class MeasuresBuilderTests
{
    private const int Smz = 1, Wb = 2, Uit = 3;

    private static KpiDashboard Build(Dictionary<(string Team, int From, int To, string Metric), long> perTeam)
    {
        var d = new KpiDashboard();
        MeasuresBuilder.Add(d, perTeam);
        return d;
    }

    [Fact]
    public void LeadTimeTotal_IsPerDivisionPairInOrder_ThenAllPairs_SummedOverTeams()
    {
        var d = Build(new()
        {
            [("arnhem-noord", Wb, Smz, M.LeadTimePrefix + "3")] = 1,
            [("arnhem-noord", Smz, Uit, M.LeadTimePrefix + "3")] = 1,
            [("arnhem-noord", Smz, Wb, M.LeadTimePrefix + "3")] = 2,
            [("arnhem-zuid", Smz, Wb, M.LeadTimePrefix + "3")] = 3,
        });

        d.LeadTimeTotal.Select(l => ((int)l.FromDivision, (int)l.ToDivision, l.Accepted))
            .ShouldBe([(Smz, Wb, 5L), (Smz, Uit, 1L), (Wb, Smz, 1L), (0, 0, 7L)]);
    }

    [Fact]
    public void LeadTime_WithoutAnyHandoverAccepted_HasNoRows() =>
        Build(new() { [("arnhem-noord", 0, 0, M.NormResolvedPrefix + "terugbel||met")] = 1 }).LeadTimeTotal.ShouldBeEmpty();

    [Fact]
    public void NormCompliance_IsOrderedByNormCategoryAndTeam()
    {
        var d = Build(new()
        {
            [("t1", 0, 0, M.NormResolvedPrefix + "b|x|met")] = 1,
            [("t1", 0, 0, M.NormResolvedPrefix + "a|y|met")] = 1,
            [("t2", 0, 0, M.NormResolvedPrefix + "a|x|met")] = 1,
            [("t1", 0, 0, M.NormResolvedPrefix + "a|x|met")] = 1,
        });

        d.NormCompliance.Select(c => (c.Norm, c.Category, c.AreaTeam))
            .ShouldBe([("a", "x", "t1"), ("a", "x", "t2"), ("a", "y", "t1"), ("b", "x", "t1")]);
    }

    [Fact]
    public void NormCompliance_WithOnlyVoidedDeadlines_HasAShareOfZero()
    {
        var d = Build(new() { [("t1", 0, 0, M.NormResolvedPrefix + "terugbel||void")] = 2 });

        d.NormCompliance.Single().Voided.ShouldBe(2);
        d.NormCompliance.Single().ShareMet.ShouldBe(0);
    }

    [Fact]
    public void NormEscalations_HandoverFirst_ThenByNormAndTeam_IncludingNormsOnlyClosed()
    {
        var d = Build(new()
        {
            [("t2", 0, 0, M.NormEscalatedPrefix + "terugbel|")] = 1,
            [("t1", 0, 0, M.NormEscalatedPrefix + "terugbel|")] = 2,
            [("t1", 0, 0, M.NormEscalationClosedPrefix + "beslistermijn|")] = 1,
            [("t1", Smz, Wb, M.EscalationsFired)] = 3,
        });

        d.NormEscalations.Select(e => (e.Norm, e.AreaTeam, e.Fired, e.Resolved))
            .ShouldBe([(MeasuresBuilder.HandoverNorm, "t1", 3L, 0L), ("beslistermijn", "t1", 0L, 1L), ("terugbel", "t1", 2L, 0L), ("terugbel", "t2", 1L, 0L)]);
    }

    [Fact]
    public void Target_IsSetForTheBeslistermijnOnly()
    {
        NormKpi.TargetOf(Uwv.Contracts.Events.Norms.Beslistermijn).ShouldBe(0.958);
        NormKpi.TargetOf("terugbel").ShouldBe(0);
    }

    [Fact]
    public void MetricParts_MissingCategoryOrOutcome_AreEmpty()
    {
        NormKpi.Parse("nr:terugbel", M.NormResolvedPrefix).ShouldBe(("terugbel", "", ""));
        NormKpi.Parse("nr:terugbel|medisch", M.NormResolvedPrefix).ShouldBe(("terugbel", "medisch", ""));
    }
}
