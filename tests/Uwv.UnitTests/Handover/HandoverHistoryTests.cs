using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>The handover's history is written from the events of each decision: who did what, when and why.</summary>
public sealed class HandoverHistoryTests
{
    private static IReadOnlyList<HistoryEntry> HistoryOf(Decision decision, string actor) => HandoverHistory.From(decision.Events, actor);

    [Fact]
    public void History_OfARequest_NamesTheRequesterAndTheReason()
    {
        var dossierId = Guid.NewGuid();
        var owner = Owner(dossierId, DivisionCode.Smz);
        var decision = HandoverDecider.Request(new RequestInput(Guid.NewGuid(), owner.ClientId, dossierId, DivisionCode.Smz, DivisionCode.Werkbedrijf,
            "beoordeling afgerond", null, Sender, owner, false, false), Options, Monday);

        HistoryOf(decision, Sender).ShouldHaveSingleItem().ShouldBe(new HistoryEntry(Monday, "requested", Sender) { Reason = "beoordeling afgerond" });
    }

    [Fact]
    public void History_OfANazorgAttempt_IsAtTheMomentOfTheCall_WithWhetherTheClientWasReached()
    {
        var callAt = Monday.AddMinutes(20);
        var decision = Decide(Requested(), Unanswered(callAt), Monday.AddHours(2));

        var entry = HistoryOf(decision, Sender).ShouldHaveSingleItem();
        entry.ShouldBe(new HistoryEntry(callAt, "nazorg-attempt", Sender) { Reached = false });
        HistoryOf(Decide(Requested(), Reached(callAt)), Sender).Single().Reached.ShouldBeTrue();
    }

    [Fact]
    public void History_OfAReturn_KeepsTheCategoryAndTheReason_AndWhoReturnedIt()
    {
        var decision = Decide(Transferred(), new ReturnHandover(Receiver, "incomplete", "geen beoordeling bijgevoegd", []), Monday.AddDays(1));

        HistoryOf(decision, Receiver).ShouldHaveSingleItem()
            .ShouldBe(new HistoryEntry(Monday.AddDays(1), "returned", Receiver) { Category = "incomplete", Reason = "geen beoordeling bijgevoegd" });
    }

    [Fact]
    public void History_OfAnEscalation_IsTheSystems_WithLevelAndCause()
    {
        var transferred = Transferred();
        var due = transferred.NextEscalationAt!.Value;

        var decision = Decide(transferred, new EscalateHandover(), due.AddMinutes(1));

        HistoryOf(decision, HandoverHistory.System).ShouldHaveSingleItem()
            .ShouldBe(new HistoryEntry(due.AddMinutes(1), "escalated", HandoverHistory.System) { Level = "teamleider", Cause = HandoverDecider.AcceptanceSla });
    }

    [Fact]
    public void History_OfAPingPongReturn_HasTheReturn_ThePingPong_AndTheEscalation_NotTheDossierMove()
    {
        var transferred = Transferred();
        var history = new[] { new DossierMove(DivisionCode.Werkbedrijf, DivisionCode.Smz, Monday.AddDays(-30)), new DossierMove(DivisionCode.Smz, DivisionCode.Werkbedrijf, transferred.TransferredAt!.Value) };

        var decision = Decide(transferred, new ReturnHandover(Receiver, "wrong-division", "hoort bij SMZ", history), Monday.AddDays(1));

        var entries = HistoryOf(decision, Receiver);
        entries.Select(e => e.What).ShouldBe(["returned", "ping-pong", "escalated"]);
        entries[0].By.ShouldBe(Receiver);
        entries[1].ShouldBe(new HistoryEntry(Monday.AddDays(1), "ping-pong", HandoverHistory.System) { Category = PingPong.Direct });
        entries[2].ShouldBe(new HistoryEntry(Monday.AddDays(1), "escalated", HandoverHistory.System) { Level = "teamleider", Cause = HandoverDecider.PingPongCause });
    }

    [Theory]
    [InlineData("override")]
    [InlineData("written")]
    [InlineData("arrange")]
    [InlineData("confirm")]
    [InlineData("transfer")]
    [InlineData("accept")]
    [InlineData("cancel")]
    public void History_OfEveryOtherStep_NamesItWithItsActorAndDetail(string step)
    {
        var at = Monday.AddHours(3);
        var (decision, expected) = step switch
        {
            "override" => (Decide(Requested(), new OverrideNazorg("teamleider.arnhem-noord", "cliënt in het buitenland"), at),
                new HistoryEntry(at, "nazorg-overridden", "teamleider.arnhem-noord") { Reason = "cliënt in het buitenland" }),
            "written" => (Decide(ThreeUnanswered(), new RecordWrittenMessage(Sender, "letter"), Monday.AddDays(3)),
                new HistoryEntry(Monday.AddDays(3), "written-message", Sender) { Category = "letter" }),
            "arrange" => (Decide(Requested(signalen: true), new ArrangeWarmHandover(Sender, Receiver), at),
                new HistoryEntry(at, "warm-handover-arranged", Sender) { Colleague = Receiver }),
            "confirm" => (Decide(Apply(Requested(signalen: true), new ArrangeWarmHandover(Sender, Receiver)), new ConfirmWarmHandover(Receiver), at),
                new HistoryEntry(at, "warm-handover-confirmed", Receiver) { Colleague = Receiver }),
            "transfer" => (Decide(Apply(Requested(), Reached(Monday.AddMinutes(10))), Transfer(), at),
                new HistoryEntry(at, "transferred", Sender)),
            "accept" => (Decide(Transferred(), new AcceptHandover(Receiver), at), new HistoryEntry(at, "accepted", Receiver)),
            _ => (Decide(Requested(), new CancelHandover(Sender, "dubbel aangevraagd"), at),
                new HistoryEntry(at, "cancelled", Sender) { Reason = "dubbel aangevraagd" }),
        };

        // The actor passed in is the command's; each event's own actor (where it has one) wins.
        HistoryOf(decision, step == "written" || step == "arrange" ? Sender : "someone-else").ShouldHaveSingleItem().ShouldBe(expected);
    }

    [Fact]
    public void History_OfACasusoverleg_KeepsTheOutcome()
    {
        var e = new CasusoverlegHeld(Guid.NewGuid(), Transferred().Snapshot(), "Werkbedrijf neemt over", "teamleider.arnhem-noord", Monday);

        HandoverHistory.Entry(e, "x").ShouldBe(new HistoryEntry(Monday, "casusoverleg", "teamleider.arnhem-noord") { Reason = "Werkbedrijf neemt over" });
    }

    private static HandoverState ThreeUnanswered() =>
        Apply(Apply(Apply(Requested(), Unanswered(Monday.AddMinutes(10))), Unanswered(Monday.AddDays(1))), Unanswered(Monday.AddDays(2)), Monday.AddDays(2));
}
