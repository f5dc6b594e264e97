using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>What may happen in which state: the sender acts only while it holds the dossier, the receiver only while it decides.</summary>
public sealed class HandoverStateGuardTests
{
    private static readonly DateTimeOffset Later = At(2026, 3, 3, 10);

    private static HandoverState InState(string state) => state switch
    {
        HandoverStates.Requested => Requested(),
        HandoverStates.NazorgPending => Apply(Requested(), Unanswered(Monday.AddMinutes(10))),
        HandoverStates.Ready => Apply(Requested(), Reached(Monday.AddMinutes(10))),
        HandoverStates.Transferred => Transferred(),
        HandoverStates.Escalated => Apply(Transferred(), new EscalateHandover(), At(2026, 3, 5, 9)),
        HandoverStates.Accepted => Apply(Transferred(), new AcceptHandover(Receiver), Later),
        HandoverStates.Returned => Apply(Transferred(), new ReturnHandover(Receiver, "other", "x", []), Later),
        HandoverStates.Cancelled => Apply(Requested(), new CancelHandover(Sender, "x")),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    public static TheoryData<string> NotAtSender => [HandoverStates.Transferred, HandoverStates.Escalated, HandoverStates.Accepted, HandoverStates.Cancelled];

    public static TheoryData<string> AtSender => [HandoverStates.Requested, HandoverStates.NazorgPending, HandoverStates.Ready, HandoverStates.Returned];

    private static readonly HandoverCommand[] SenderCommands =
    [
        Reached(At(2026, 3, 6, 10)),
        new RecordWrittenMessage(Sender, "letter"),
        new OverrideNazorg("teamleider.arnhem-noord", "crisis"),
        new ArrangeWarmHandover(Sender, Receiver),
        new ConfirmWarmHandover(Receiver),
        Transfer(),
        new CancelHandover(Sender, "x"),
    ];

    [Theory]
    [MemberData(nameof(NotAtSender))]
    public void SenderCommands_WhenTheSenderNoLongerHoldsTheHandover_AreRefusedByTheStateRule(string state)
    {
        var handover = InState(state);
        handover.Status.ShouldBe(state);

        foreach (var command in SenderCommands)
        {
            var decision = Decide(handover, command, At(2026, 3, 6, 11));
            decision.Refusal.ShouldNotBeNull(command.GetType().Name);
            decision.Refusal.Rule.ShouldBe(HandoverDecider.StateRule, command.GetType().Name);
            decision.State.ShouldBeNull();
            decision.Events.ShouldBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(AtSender))]
    public void Cancel_WhileTheSenderHoldsTheHandover_IsAllowed(string state)
    {
        var handover = InState(state);
        handover.Status.ShouldBe(state);

        Apply(handover, new CancelHandover(Sender, "cliënt blijft"), At(2026, 3, 3, 11)).Status.ShouldBe(HandoverStates.Cancelled);
    }

    [Theory]
    [MemberData(nameof(AtSender))]
    public void AcceptAndReturn_BeforeTheReceiverHoldsTheHandover_AreRefusedByTheStateRule(string state)
    {
        var handover = InState(state);

        Decide(handover, new AcceptHandover(Receiver), At(2026, 3, 3, 11)).Refusal!.Rule.ShouldBe(HandoverDecider.StateRule);
        Decide(handover, new ReturnHandover(Receiver, "other", "x", []), At(2026, 3, 3, 11)).Refusal!.Rule.ShouldBe(HandoverDecider.StateRule);
    }

    [Fact]
    public void Return_WhenEscalated_IsAllowed() =>
        Apply(InState(HandoverStates.Escalated), new ReturnHandover(Receiver, "other", "x", []), At(2026, 3, 5, 10)).Status.ShouldBe(HandoverStates.Returned);

    [Fact]
    public void HandoverStates_OnlyAcceptedAndCancelledAreFinal()
    {
        string[] all = [HandoverStates.Requested, HandoverStates.NazorgPending, HandoverStates.Ready, HandoverStates.Transferred,
            HandoverStates.Escalated, HandoverStates.Accepted, HandoverStates.Returned, HandoverStates.Cancelled];

        all.Where(HandoverStates.IsFinal).ShouldBe([HandoverStates.Accepted, HandoverStates.Cancelled]);
        all.Where(HandoverStates.AwaitsAcceptance).ShouldBe([HandoverStates.Transferred, HandoverStates.Escalated]);
        all.Where(HandoverStates.AtSender).ShouldBe([HandoverStates.Requested, HandoverStates.NazorgPending, HandoverStates.Ready, HandoverStates.Returned]);
    }

    [Fact]
    public void OverrideNazorg_Twice_IsRefused_TheFirstOverrideStands()
    {
        var overridden = Apply(Requested(), new OverrideNazorg("teamleider.arnhem-noord", "crisisopvang"));

        var second = Decide(overridden, new OverrideNazorg("manager", "nogmaals"));

        second.Refusal!.Rule.ShouldBe(HandoverDecider.OverrideNotNeeded);
        overridden.Nazorg.Override!.By.ShouldBe("teamleider.arnhem-noord");
    }

    [Fact]
    public void OverrideNazorg_WhenTheKindNeedsNoNazorg_IsRefused() =>
        Decide(Requested(DivisionCode.Werkbedrijf, DivisionCode.Smz), new OverrideNazorg("teamleider.arnhem-noord", "x"))
            .Refusal!.Rule.ShouldBe(HandoverDecider.OverrideNotNeeded);

    [Fact]
    public void OverrideNazorg_AfterThreeUnansweredAttemptsAndALetter_IsRefused()
    {
        var state = Requested();
        state = Apply(state, Unanswered(At(2026, 3, 2, 10)));
        state = Apply(state, Unanswered(At(2026, 3, 2, 15)));
        state = Apply(state, Unanswered(At(2026, 3, 3, 10)), At(2026, 3, 3, 10));
        state = Apply(state, new RecordWrittenMessage(Sender, "letter"), At(2026, 3, 3, 11));

        Decide(state, new OverrideNazorg("teamleider.arnhem-noord", "x"), At(2026, 3, 3, 12)).Refusal!.Rule.ShouldBe(HandoverDecider.OverrideNotNeeded);
    }

    [Fact]
    public void OverrideNazorg_WhileNazorgIsPending_OpensTheGate()
    {
        var pending = Apply(Requested(), Unanswered(Monday.AddMinutes(10)));

        var overridden = Apply(pending, new OverrideNazorg("teamleider.arnhem-noord", "crisisopvang"));

        overridden.Status.ShouldBe(HandoverStates.Ready);
        overridden.Version.ShouldBe(pending.Version + 1);
    }

    [Fact]
    public void Returned_NazorgOrWarmHandoverRecordedAgain_StaysReturned_UntilTheSenderActs()
    {
        var returned = InState(HandoverStates.Returned);

        Apply(returned, Reached(At(2026, 3, 3, 11)), At(2026, 3, 3, 11)).Status.ShouldBe(HandoverStates.Returned);
        Apply(returned, new ArrangeWarmHandover(Sender, Receiver), At(2026, 3, 3, 11)).Status.ShouldBe(HandoverStates.Returned);
    }
}
