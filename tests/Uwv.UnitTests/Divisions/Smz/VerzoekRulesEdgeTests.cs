using Uwv.Contracts.Smz.V1;
using Uwv.Smz.Domain;

namespace Uwv.UnitTests.Divisions.Smz;

/// <summary>Picking up and answering a herbeoordelingsverzoek: the allowed case, and a refusal that says what happened.</summary>
public sealed class VerzoekRulesEdgeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PickUp_OfAnOpenVerzoek_IsAllowed() => VerzoekRules.PickUp(VerzoekState.Open).ShouldBeNull();

    [Fact]
    public void Answer_OfAnAnsweredVerzoek_SaysItWasAlreadyAnswered() =>
        VerzoekRules.Answer(VerzoekState.Answered, BeoordelingType.Herbeoordeling, Noon, Noon, true)!.Explanation.ShouldContain("already answered");

    [Fact]
    public void Answer_OfAVerzoekNotPickedUp_AsksToPickItUpFirst() =>
        VerzoekRules.Answer(VerzoekState.Open, BeoordelingType.Herbeoordeling, Noon, Noon, true)!.Explanation.ShouldContain("pick the verzoek up");
}
