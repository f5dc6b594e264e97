using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.UnitTests.Handover;

/// <summary>
/// What the KPI projection remembers across events: an episode starts at the first request and keeps that start,
/// a repeated verzoek keeps its first opening, ping-pong is counted with the dossier's first transfer, and a resolved
/// escalation is booked on the team and day where it fired.
/// </summary>
public sealed class KpiProjectionEdgeTests
{
    private static readonly Guid Lineage = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    private static HandoverSnapshot Snapshot(string state, DateTimeOffset requestedAt) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Lineage, DivisionCode.Smz, DivisionCode.Werkbedrijf, "arnhem-noord", "SMZ-WB", state, 2, requestedAt,
            null, null, 0, false, false);

    private static KpiUpdate Apply(IClientEvent e, LineageKpi? lineage = null) =>
        KpiProjection.Apply(lineage, e, Uwv.UnitTests.Calendar.TestCalendar.Office);

    private static HandoverRequested Requested(DateTimeOffset at) => new(Guid.NewGuid(), Snapshot("requested", at), "reden", null, "pb", at);

    private static HandoverTransferred Transferred(DateTimeOffset requestedAt, DateTimeOffset at) =>
        new(Guid.NewGuid(), Snapshot("transferred", requestedAt), Guid.NewGuid(), new NazorgSummary(false, false, false, 0, null, false),
            new HandoverPackage(null, null, []), "pb", at);

    private static HandoverAccepted Accepted(DateTimeOffset at) => new(Guid.NewGuid(), Snapshot("accepted", T0), "adviseur", at);

    [Fact]
    public void Request_StartsTheEpisode_AtItsMomentAndFromItsSender()
    {
        var lineage = Apply(Requested(T0)).Lineage!;

        lineage.EpisodeStart.ShouldBe(T0);
        lineage.EpisodeFrom.ShouldBe(DivisionCode.Smz);
    }

    [Fact]
    public void SecondRequest_InARunningEpisode_KeepsTheEpisodesStart()
    {
        var first = Apply(Requested(T0)).Lineage!;

        Apply(Requested(T0.AddHours(3)), first).Lineage!.EpisodeStart.ShouldBe(T0);
    }

    [Fact]
    public void Transfer_InARunningEpisode_KeepsItsStart_NotTheHandoversRequestMoment()
    {
        var first = Apply(Requested(T0)).Lineage!;

        Apply(Transferred(T0.AddHours(2), T0.AddHours(4)), first).Lineage!.EpisodeStart.ShouldBe(T0);
    }

    [Fact]
    public void FirstTransfer_OfAPingPongedDossier_CountsItAsPingPonged()
    {
        var lineage = new LineageKpi { LineageId = Lineage, Team = "arnhem-noord", PingPonged = true };

        Apply(Transferred(T0, T0.AddHours(1)), lineage).Counters.Select(c => c.Metric).ShouldContain(M.DossiersPingPonged);
    }

    [Fact]
    public void ResolvedEscalation_IsBookedOnTheTeamAndDayItFired()
    {
        var day = new DateOnly(2026, 2, 20);
        var lineage = new LineageKpi
        {
            LineageId = Lineage, Team = "arnhem-noord", EscalationOpen = true, EscalatedDay = day, EscalatedTeam = "arnhem-zuid",
            EscalatedFrom = DivisionCode.Smz, EscalatedTo = DivisionCode.Werkbedrijf,
        };

        var resolved = Apply(Accepted(T0.AddHours(1)), lineage).Counters.Single(c => c.Metric == M.EscalationsResolved);

        resolved.Team.ShouldBe("arnhem-zuid");
        resolved.Day.ShouldBe(day);
    }

    [Fact]
    public void ResolvedEscalation_WithoutAKnownDay_IsBookedOnTheResolution()
    {
        var lineage = new LineageKpi { LineageId = Lineage, Team = "arnhem-noord", EscalationOpen = true };

        var resolved = Apply(Accepted(T0.AddHours(1)), lineage).Counters.Single(c => c.Metric == M.EscalationsResolved);

        resolved.Day.ShouldBe(new DateOnly(2026, 3, 2));
        resolved.Team.ShouldBe("arnhem-noord");
    }

    [Fact]
    public void RepeatedVerzoekOpening_KeepsTheFirstOpeningMoment()
    {
        var verzoek = Guid.NewGuid();
        var office = Uwv.UnitTests.Calendar.TestCalendar.Office;
        var (first, _) = KpiProjection.ApplyVerzoek(null, new HerbeoordelingsverzoekOpened(verzoek, Guid.NewGuid(), Guid.NewGuid(), "arnhem-noord", "AO gewijzigd", T0), office);

        var (again, _) = KpiProjection.ApplyVerzoek(first, new HerbeoordelingsverzoekOpened(verzoek, Guid.NewGuid(), Guid.NewGuid(), "arnhem-noord", "AO gewijzigd", T0.AddDays(2)), office);

        again!.OpenedAt.ShouldBe(T0);
    }
}
