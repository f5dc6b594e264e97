using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

public sealed class PingPongTests
{
    private static readonly TimeSpan Window = TimeSpan.FromDays(90);
    private const DivisionCode S = DivisionCode.Smz;
    private const DivisionCode W = DivisionCode.Werkbedrijf;
    private const DivisionCode U = DivisionCode.Uitkeren;

    private static DossierMove Move(DivisionCode from, DivisionCode to, int day) => new(from, to, Monday.AddDays(day));

    [Fact]
    public void PingPong_DirectReturnWithinWindow_IsDirect() =>
        PingPong.Detect([Move(S, W, 0)], Move(W, S, 30), Window).ShouldBe(new PingPongResult(PingPong.Direct, 1, false));

    [Fact]
    public void PingPong_ReturnViaAnotherDivision_IsIndirect() =>
        PingPong.Detect([Move(S, W, 0), Move(W, U, 10)], Move(U, S, 20), Window)!.Kind.ShouldBe(PingPong.Indirect);

    [Fact]
    public void PingPong_ReturnAfterWindow_IsNotAPingPong() =>
        PingPong.Detect([Move(S, W, 0)], Move(W, S, 91), Window).ShouldBeNull();

    [Fact]
    public void PingPong_MoveToNewDivision_IsNotAPingPong() =>
        PingPong.Detect([Move(S, W, 0)], Move(W, U, 5), Window).ShouldBeNull();

    [Fact]
    public void PingPong_SecondOne_FlagsCasusoverleg()
    {
        var second = PingPong.Detect([Move(S, W, 0), Move(W, S, 10)], Move(S, W, 20), Window);

        second.ShouldBe(new PingPongResult(PingPong.Direct, 2, Casusoverleg: true));
    }

    [Fact]
    public void Transfer_SecondPingPong_FlagsCasusoverleg_AndEscalatesToTeamleider()
    {
        var ready = Apply(Requested(), Reached(Monday));
        var history = new[] { Move(S, W, -20), Move(W, S, -10) };

        var decision = Decide(ready, Transfer(history));

        var state = Ok(decision);
        state.Casusoverleg.ShouldBeTrue();
        state.Status.ShouldBe(HandoverStates.Escalated);
        decision.Events.OfType<PingPongDetected>().Single().Count.ShouldBe(2);
        decision.Events.OfType<HandoverEscalated>().Single().Cause.ShouldBe(HandoverDecider.PingPongCause);
    }

    [Fact]
    public void Return_IsADirectPingPong_ForTheSender()
    {
        var transferred = Transferred();
        var decision = Decide(transferred, new ReturnHandover(Receiver, "wrong-division", "hoort bij SMZ", [Move(S, W, 0)]), Monday.AddDays(1));

        var pingPong = decision.Events.OfType<PingPongDetected>().Single();
        (pingPong.Kind, pingPong.ReturnedTo, pingPong.Casusoverleg).ShouldBe((PingPong.Direct, S, false));
    }
}
