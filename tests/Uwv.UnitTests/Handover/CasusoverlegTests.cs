using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>The casusoverleg's outcome: recorded once, only for a handover a second ping-pong sent there.</summary>
public sealed class CasusoverlegTests
{
    private const string Teamleider = "teamleider.arnhem-noord";

    /// <summary>A handover whose return was the lineage's second ping-pong: flagged for casusoverleg, with the sender.</summary>
    private static HandoverState SentToCasusoverleg()
    {
        var transferred = Transferred();
        var history = new[] { new DossierMove(DivisionCode.Werkbedrijf, DivisionCode.Smz, Monday.AddDays(-30)), new DossierMove(DivisionCode.Smz, DivisionCode.Werkbedrijf, transferred.TransferredAt!.Value) };
        var returned = Apply(transferred, new ReturnHandover(Receiver, "wrong-division", "hoort bij SMZ", history), Monday.AddDays(1));
        returned.Casusoverleg.ShouldBeTrue();
        return returned;
    }

    [Fact]
    public void Casusoverleg_OfAFlaggedHandover_IsRecordedWithWhoAndWhen_AndPublished()
    {
        var flagged = SentToCasusoverleg();
        var at = Monday.AddDays(2);

        var decision = Decide(flagged, new RecordCasusoverleg(Teamleider, "SMZ houdt het dossier; arbeidsdeskundige plant gesprek"), at);

        var held = Ok(decision);
        held.CasusoverlegOutcome.ShouldBe(new CasusoverlegOutcome("SMZ houdt het dossier; arbeidsdeskundige plant gesprek", Teamleider, at));
        held.Version.ShouldBe(flagged.Version + 1);
        held.Status.ShouldBe(flagged.Status);
        var e = decision.Events.ShouldHaveSingleItem().ShouldBeOfType<CasusoverlegHeld>();
        e.Outcome.ShouldBe("SMZ houdt het dossier; arbeidsdeskundige plant gesprek");
        e.RecordedBy.ShouldBe(Teamleider);
        e.Handover.Version.ShouldBe(held.Version);
    }

    [Fact]
    public void Casusoverleg_OfAHandoverNotSentThere_IsRefused()
    {
        var decision = Decide(Transferred(), new RecordCasusoverleg(Teamleider, "afspraak"));

        decision.Refusal!.Rule.ShouldBe(HandoverDecider.CasusoverlegPending);
        decision.State.ShouldBeNull();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Casusoverleg_RecordedTwice_IsRefused_AndTheFirstOutcomeStays()
    {
        var held = Apply(SentToCasusoverleg(), new RecordCasusoverleg(Teamleider, "eerste afspraak"), Monday.AddDays(2));

        var again = Decide(held, new RecordCasusoverleg(Teamleider, "tweede afspraak"), Monday.AddDays(3));

        again.Refusal!.Rule.ShouldBe(HandoverDecider.CasusoverlegPending);
        held.CasusoverlegOutcome!.Outcome.ShouldBe("eerste afspraak");
    }
}
