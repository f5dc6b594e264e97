using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.UnitTests.Handover;

/// <summary>What one event adds to the KPI counters: the nazorg buckets, ping-pong and casusoverleg, escalations, arrivals.</summary>
public sealed class KpiCountingRuleTests
{
    private static readonly Guid Lineage = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static HandoverSnapshot Snapshot(string state = "transferred", DateTimeOffset? transferredAt = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Lineage, DivisionCode.Smz, DivisionCode.Werkbedrijf, "arnhem-noord", "SMZ-WB", state, 2, T0,
            transferredAt, null, 0, false, false);

    private static HandoverTransferred Transferred(NazorgSummary nazorg) =>
        new(Guid.NewGuid(), Snapshot(), Guid.NewGuid(), nazorg, new HandoverPackage(null, null, []), "pb", T0);

    private static KpiUpdate Apply(IClientEvent e, LineageKpi? lineage = null) =>
        KpiProjection.Apply(lineage, e, Uwv.UnitTests.Calendar.TestCalendar.Office);

    private static string[] Metrics(KpiUpdate update) => update.Counters.Select(c => c.Metric).ToArray();

    [Theory]
    [InlineData(1, "nazorg-reached-1")]
    [InlineData(2, "nazorg-reached-2")]
    [InlineData(3, "nazorg-reached-3")]
    [InlineData(4, "nazorg-reached-later")]
    [InlineData(7, "nazorg-reached-later")]
    public void NazorgReached_AtTheFirstThreeAttempts_IsCountedPerAttempt_AndLaterTogether(int attempt, string bucket)
    {
        var update = Apply(Transferred(new NazorgSummary(true, true, false, attempt, attempt, false)));

        Metrics(update).ShouldBe([M.Transferred, M.NazorgRequired, M.NazorgDone, M.NazorgWith, bucket, M.DossiersHandedOver]);
    }

    [Fact]
    public void Nazorg_ByWrittenMessage_IsCountedAsWritten()
    {
        var update = Apply(Transferred(new NazorgSummary(true, true, false, 3, null, true)));

        Metrics(update).ShouldContain(M.NazorgWritten);
        Metrics(update).ShouldNotContain(M.NazorgReachedLater);
    }

    [Fact]
    public void Nazorg_Overridden_CountsAsOverride_AndMakesTheDossierNotFirstTimeRight()
    {
        var update = Apply(Transferred(new NazorgSummary(true, false, true, 0, null, false)));

        Metrics(update).ShouldBe([M.Transferred, M.NazorgRequired, M.NazorgOverridden, M.DossiersHandedOver, M.DossiersNotFirstTimeRight]);
        update.Lineage!.Spoiled.ShouldBeTrue();
    }

    [Fact]
    public void Nazorg_NotRequired_CountsNoNazorg()
    {
        var update = Apply(Transferred(new NazorgSummary(false, false, false, 0, null, false)));

        Metrics(update).ShouldBe([M.Transferred, M.DossiersHandedOver]);
        update.Lineage!.CohortDay.ShouldBe(Day);
    }

    [Fact]
    public void SecondTransferOfALineage_IsNotASecondDossierHandedOver()
    {
        var first = Apply(Transferred(new NazorgSummary(false, false, false, 0, null, false)));

        var second = Apply(Transferred(new NazorgSummary(false, false, false, 0, null, false)), first.Lineage);

        Metrics(second).ShouldBe([M.Transferred]);
    }

    [Theory]
    [InlineData("direct", 1, false, new[] { M.PingPongDirect })]
    [InlineData("indirect", 1, false, new[] { M.PingPongIndirect })]
    [InlineData("direct", 2, true, new[] { M.PingPongDirect, M.Casusoverleg })]
    [InlineData("direct", 3, true, new[] { M.PingPongDirect })]
    public void PingPong_CountsItsKind_AndTheCasusoverlegOnlyAtTheSecond(string kind, int count, bool casusoverleg, string[] expected)
    {
        var update = Apply(new PingPongDetected(Guid.NewGuid(), Snapshot(), DivisionCode.Smz, kind, count, casusoverleg, T0));

        Metrics(update).ShouldBe(expected);
        update.Lineage!.PingPonged.ShouldBeTrue();
        update.Lineage.Spoiled.ShouldBeTrue();
    }

    [Fact]
    public void PingPong_OfADossierHandedOverBefore_CountsTheDossierOnceAsPingPongedAndNotFirstTimeRight()
    {
        var handedOver = Apply(Transferred(new NazorgSummary(false, false, false, 0, null, false))).Lineage;

        var first = Apply(new PingPongDetected(Guid.NewGuid(), Snapshot(), DivisionCode.Smz, "direct", 1, false, T0), handedOver);
        var second = Apply(new PingPongDetected(Guid.NewGuid(), Snapshot(), DivisionCode.Werkbedrijf, "direct", 2, true, T0), first.Lineage);

        Metrics(first).ShouldBe([M.PingPongDirect, M.DossiersPingPonged, M.DossiersNotFirstTimeRight]);
        Metrics(second).ShouldBe([M.PingPongDirect, M.Casusoverleg]);
    }

    [Fact]
    public void Escalation_OpensOneGaugeEntry_EvenWhenEscalatedTwice_AndAcceptanceResolvesIt()
    {
        var first = Apply(new HandoverEscalated(Guid.NewGuid(), Snapshot("escalated"), "teamleider", "acceptance-sla", T0));
        var second = Apply(new HandoverEscalated(Guid.NewGuid(), Snapshot("escalated"), "manager", "acceptance-sla", T0.AddDays(2)), first.Lineage);
        var accepted = Apply(new HandoverAccepted(Guid.NewGuid(), Snapshot("accepted"), "aw", T0.AddDays(3)), second.Lineage);

        first.Gauges.ShouldBe([new GaugeDelta("arnhem-noord", DivisionCode.Werkbedrijf, M.EscalationsOpen, 1)]);
        second.Gauges.ShouldBeEmpty();
        // The manager's level is the same escalation going higher, not a second one (fired = resolved + open).
        Metrics(second).ShouldNotContain(M.EscalationsFired);
        accepted.Gauges.ShouldBe([new GaugeDelta("arnhem-noord", DivisionCode.Werkbedrijf, M.EscalationsOpen, -1)]);
        Metrics(accepted).ShouldContain(M.EscalationsResolved);
        accepted.Lineage!.EscalationOpen.ShouldBeFalse();
    }

    [Fact]
    public void Acceptance_CountsItsLatencyBucket_InOfficeTime()
    {
        var accepted = Apply(new HandoverAccepted(Guid.NewGuid(), Snapshot("accepted", transferredAt: T0), "aw", T0.AddMinutes(20)));

        Metrics(accepted).ShouldContain(M.AcceptanceLatencyPrefix + 1);
    }

    [Fact]
    public void Arrivals_AndOpenDossiers_FollowOpeningsAndMoves()
    {
        var opened = Apply(new DossierOpened(Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Smz, "arnhem-noord", "va", T0));
        var moved = Apply(new DossierTransferred(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Lineage, Guid.NewGuid(), Guid.NewGuid(),
            DivisionCode.Smz, DivisionCode.Werkbedrijf, "arnhem-noord", "", "transfer", T0));

        opened.Counters.ShouldBe([new KpiDelta("arnhem-noord", Day, M.NoDivision, DivisionCode.Smz, M.Arrivals, 1)]);
        opened.Gauges.ShouldBe([new GaugeDelta("arnhem-noord", DivisionCode.Smz, M.OpenDossiers, 1)]);
        moved.Counters.ShouldBe([new KpiDelta("arnhem-noord", Day, M.NoDivision, DivisionCode.Werkbedrijf, M.Arrivals, 1)]);
        moved.Gauges.ShouldBe([
            new GaugeDelta("arnhem-noord", DivisionCode.Smz, M.OpenDossiers, -1),
            new GaugeDelta("arnhem-noord", DivisionCode.Werkbedrijf, M.OpenDossiers, 1)]);
    }

    [Fact]
    public void Herbeoordelingsverzoek_AnsweredWithAChangedAo_CountsTheChangeAndTheAnswerTime()
    {
        var id = Guid.NewGuid();
        var office = Uwv.UnitTests.Calendar.TestCalendar.Office;
        var (state, opened) = KpiProjection.ApplyVerzoek(null, new HerbeoordelingsverzoekOpened(id, Guid.NewGuid(), Guid.NewGuid(), "arnhem-noord", "r", T0), office);
        var (_, answered) = KpiProjection.ApplyVerzoek(state, new HerbeoordelingsverzoekAnswered(id, Guid.NewGuid(), "arnhem-noord", true, "x", T0.AddMinutes(10)), office);
        var (_, unchanged) = KpiProjection.ApplyVerzoek(null, new HerbeoordelingsverzoekAnswered(id, Guid.NewGuid(), "arnhem-noord", false, "x", T0), office);

        opened.Select(c => c.Metric).ShouldBe([M.VerzoekOpened]);
        answered.Select(c => c.Metric).ShouldBe([M.VerzoekAnswered, M.VerzoekAoChanged, M.VerzoekLatencyPrefix + 0]);
        unchanged.Select(c => c.Metric).ShouldBe([M.VerzoekAnswered]);
    }

    [Fact]
    public void LatencyHistogram_Buckets_AreQuarterHoursFirst_AndNothingIsNegative()
    {
        LatencyHistogram.BucketOf(TimeSpan.FromMinutes(-5)).ShouldBe(0);
        LatencyHistogram.BucketOf(TimeSpan.Zero).ShouldBe(0);
        LatencyHistogram.BucketOf(TimeSpan.FromMinutes(15)).ShouldBe(0);
        LatencyHistogram.BucketOf(TimeSpan.FromMinutes(15.5)).ShouldBe(1);
        LatencyHistogram.UpperBoundHours(0).ShouldBe(0.25);
        LatencyHistogram.UpperBoundHours(LatencyHistogram.BucketCount - 1).ShouldBe(540);
        LatencyHistogram.Percentile(new Dictionary<int, long>(), 0.5).ShouldBe(0);
    }

    [Fact]
    public void KpiPeriods_DayMonthAndYear_AreDistinctKeys()
    {
        KpiAccumulator.DayPeriod(Day).ShouldBe(20260302);
        KpiAccumulator.MonthPeriod(Day).ShouldBe(20260300);
        KpiAccumulator.YearPeriod(Day).ShouldBe(20260000);
    }
}
