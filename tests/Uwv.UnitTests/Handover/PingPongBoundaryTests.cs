using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>The edges of the ping-pong rule: the last day of the window, and the second ping-pong on a return.</summary>
public sealed class PingPongBoundaryTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private const DivisionCode S = DivisionCode.Smz;
    private const DivisionCode W = DivisionCode.Werkbedrijf;
    private const DivisionCode U = DivisionCode.Uitkeren;

    private static DossierMove Move(DivisionCode from, DivisionCode to, double days) => new(from, to, Monday.AddDays(days));

    [Fact]
    public void PingPong_BackExactlyOnTheLastDayOfTheWindow_IsAPingPong() =>
        PingPong.Detect([Move(S, W, 0)], Move(W, S, 90), Window).ShouldBe(new PingPongResult(PingPong.Direct, 1, Casusoverleg: false));

    [Fact]
    public void PingPong_BackJustAfterTheWindow_IsNotAPingPong() =>
        PingPong.Detect([Move(S, W, 0)], Move(W, S, 90 + (1.0 / 86_400)), Window).ShouldBeNull();

    [Fact]
    public void PingPong_OnlyTheLatestDepartureFromTheDivisionCounts()
    {
        // Left SMZ long ago, came back, left again recently: the recent departure decides.
        var history = new[] { Move(S, W, -200), Move(W, S, -150), Move(S, U, -10) };

        PingPong.Detect(history, Move(U, S, 0), Window)!.Kind.ShouldBe(PingPong.Direct);
        PingPong.Detect([Move(S, U, -200), Move(U, W, -10)], Move(W, S, 0), Window).ShouldBeNull();
    }

    [Fact]
    public void PingPong_BackViaAThirdDivision_IsIndirect()
    {
        var history = new[] { Move(S, W, 0), Move(W, U, 5) };

        PingPong.Detect(history, Move(U, S, 10), Window).ShouldBe(new PingPongResult(PingPong.Indirect, 1, Casusoverleg: false));
    }

    [Fact]
    public void PingPong_EarlierPingPongsOutsideTheirWindow_AreNotCounted()
    {
        var history = new[] { Move(S, W, -400), Move(W, S, -200), Move(S, W, -10) };

        PingPong.Detect(history, Move(W, S, 0), Window).ShouldBe(new PingPongResult(PingPong.Direct, 1, Casusoverleg: false));
    }

    [Fact]
    public void Return_ThatIsTheSecondPingPong_FlagsCasusoverleg_AndEscalatesToTeamleider_WhileTheSenderHoldsIt()
    {
        var transferred = Transferred();
        // The lineage came to SMZ from Werkbedrijf 30 days ago; this handover sent it back (the first ping-pong).
        var history = new[] { Move(W, S, -30), new DossierMove(S, W, transferred.TransferredAt!.Value) };

        var decision = Decide(transferred, new ReturnHandover(Receiver, "wrong-division", "hoort bij SMZ", history), Monday.AddDays(1));

        var returned = Ok(decision);
        returned.Status.ShouldBe(HandoverStates.Returned);
        returned.Casusoverleg.ShouldBeTrue();
        returned.EscalationLevel.ShouldBe(1);
        var pingPong = decision.Events.OfType<PingPongDetected>().Single();
        (pingPong.Count, pingPong.Casusoverleg, pingPong.ReturnedTo).ShouldBe((2, true, S));
        var escalated = decision.Events.OfType<HandoverEscalated>().Single();
        (escalated.Level, escalated.Cause).ShouldBe((HandoverDecider.Teamleider, HandoverDecider.PingPongCause));
        escalated.Handover.Casusoverleg.ShouldBeTrue();
    }

    [Fact]
    public void Return_ThatIsTheFirstPingPong_IsNotEscalated()
    {
        var transferred = Transferred();

        var decision = Decide(transferred, new ReturnHandover(Receiver, "wrong-division", "hoort bij SMZ", [new DossierMove(S, W, transferred.TransferredAt!.Value)]), Monday.AddDays(1));

        var returned = Ok(decision);
        returned.Casusoverleg.ShouldBeFalse();
        returned.EscalationLevel.ShouldBe(0);
        decision.Events.OfType<HandoverEscalated>().ShouldBeEmpty();
    }

    [Fact]
    public void Transfer_ThatIsNoPingPong_PublishesNoPingPong()
    {
        var decision = Decide(Apply(Requested(), Reached(Monday)), Transfer([Move(U, S, -30)]));

        decision.Events.OfType<PingPongDetected>().ShouldBeEmpty();
        Ok(decision).Status.ShouldBe(HandoverStates.Transferred);
    }

    [Fact]
    public void PingPong_BackFromTheDivisionItWasSentTo_ButAfterAThirdDivision_IsIndirect()
    {
        // SMZ -> Werkbedrijf -> Uitkeren -> Werkbedrijf -> SMZ: the last step comes from where SMZ sent it, via a detour.
        var history = new[] { Move(S, W, 0), Move(W, U, 5), Move(U, W, 7) };

        PingPong.Detect(history, Move(W, S, 10), Window)!.Kind.ShouldBe(PingPong.Indirect);
    }
}
