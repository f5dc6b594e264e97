using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.Werkbedrijf.Domain;

namespace Uwv.UnitTests.Divisions.Werkbedrijf;

public sealed class WerkbedrijfRulesTests
{
    [Theory]
    [InlineData(TrajectPhase.ContactMaken, TrajectPhase.Verkennen)]
    [InlineData(TrajectPhase.Verkennen, TrajectPhase.DoelenStellen)]
    [InlineData(TrajectPhase.DoelenStellen, TrajectPhase.Actie)]
    [InlineData(TrajectPhase.Actie, TrajectPhase.Afgerond)]
    public void PhaseOrder_TheNextPhase_IsAllowed(TrajectPhase from, TrajectPhase to) =>
        TrajectPhases.Advance(from, to).ShouldBeNull();

    [Theory]
    [InlineData(TrajectPhase.ContactMaken, TrajectPhase.DoelenStellen)] // skipping verkennen
    [InlineData(TrajectPhase.Actie, TrajectPhase.Verkennen)] // going back
    [InlineData(TrajectPhase.Verkennen, TrajectPhase.Verkennen)]
    public void PhaseOrder_SkippingOrGoingBack_IsRefused(TrajectPhase from, TrajectPhase to) =>
        TrajectPhases.Advance(from, to)!.Rule.ShouldBe("phase-order");

    [Fact]
    public void TrajectAfgerond_NothingChanges()
    {
        TrajectPhases.Advance(TrajectPhase.Afgerond, TrajectPhase.ContactMaken)!.Rule.ShouldBe("traject-afgerond");
        TrajectPhases.RecordDoel(TrajectPhase.Afgerond)!.Rule.ShouldBe("traject-afgerond");
        TrajectPhases.RecordAfspraak(TrajectPhase.Afgerond)!.Rule.ShouldBe("traject-afgerond");
    }

    [Theory]
    [InlineData(TrajectPhase.ContactMaken, false)]
    [InlineData(TrajectPhase.Verkennen, false)]
    [InlineData(TrajectPhase.DoelenStellen, true)]
    [InlineData(TrajectPhase.Actie, true)]
    public void DoelenFromDoelenStellen_GoalsAreSetFromThatPhaseOn(TrajectPhase phase, bool allowed) =>
        (TrajectPhases.RecordDoel(phase) is null).ShouldBe(allowed);

    [Fact]
    public void Afspraken_AreMadeInEveryRunningPhase() =>
        TrajectPhases.Order.Where(p => p != TrajectPhase.Afgerond).ShouldAllBe(p => TrajectPhases.RecordAfspraak(p) == null);

    [Fact]
    public void OneOpenVerzoek_ASecondWhileUnanswered_IsRefused()
    {
        VerzoekProgress.Open(clientHasUnansweredVerzoek: true)!.Rule.ShouldBe("one-open-verzoek");
        VerzoekProgress.Open(clientHasUnansweredVerzoek: false).ShouldBeNull();
    }

    [Theory]
    [InlineData(VerzoekState.Open, VerzoekState.PickedUp, VerzoekState.PickedUp)]
    [InlineData(VerzoekState.PickedUp, VerzoekState.Answered, VerzoekState.Answered)]
    [InlineData(VerzoekState.Open, VerzoekState.Answered, VerzoekState.Answered)] // the answer overtook the pick-up
    [InlineData(VerzoekState.Answered, VerzoekState.PickedUp, VerzoekState.Answered)] // a late pick-up does not roll back
    public void VerzoekProgress_OnlyMovesForward(VerzoekState current, VerzoekState to, VerzoekState expected) =>
        VerzoekProgress.Advance(current, to).ShouldBe(expected);

    [Fact]
    public void VerzoekCounts_OpenAnsweredAndUnansweredPerTeam()
    {
        var tallies = VerzoekProgress.Count([
            ("arnhem-noord", VerzoekState.Open, false),
            ("arnhem-noord", VerzoekState.PickedUp, false),
            ("arnhem-noord", VerzoekState.Answered, true),
            ("arnhem-noord", VerzoekState.Answered, false),
            ("arnhem-zuid", VerzoekState.Answered, true),
        ]);
        tallies.ShouldBe([
            new VerzoekTally("arnhem-noord", Open: 1, PickedUp: 1, Answered: 2, AnsweredAoChanged: 1),
            new VerzoekTally("arnhem-zuid", Open: 0, PickedUp: 0, Answered: 1, AnsweredAoChanged: 1),
        ]);
        tallies[0].Unanswered.ShouldBe(2);
    }
}
