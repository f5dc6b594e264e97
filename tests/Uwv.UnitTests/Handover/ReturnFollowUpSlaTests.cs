using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>After a return the sender must re-transfer or cancel in time; otherwise the teamleider, then the manager, is involved.</summary>
public sealed class ReturnFollowUpSlaTests
{
    private static HandoverState Returned() =>
        Apply(Transferred(At(2026, 3, 2, 10)), new ReturnHandover(Receiver, "incomplete", "FML ontbreekt", []), At(2026, 3, 3, 10));

    [Fact]
    public void ReturnFollowUp_DeadlinePassed_EscalatesToTeamleider_AndTheHandoverStaysWithTheSender()
    {
        var returned = Returned();
        returned.DueAt.ShouldBe(At(2026, 3, 5, 17));

        var decision = Decide(returned, new EscalateHandover(), At(2026, 3, 5, 17, 1));

        var escalated = Ok(decision);
        escalated.Status.ShouldBe(HandoverStates.Returned);
        escalated.EscalationLevel.ShouldBe(1);
        escalated.Version.ShouldBe(returned.Version + 1);
        escalated.NextEscalationAt.ShouldBe(At(2026, 3, 9, 17));
        var @event = decision.Events.OfType<HandoverEscalated>().Single();
        (@event.Level, @event.Cause).ShouldBe((HandoverDecider.Teamleider, HandoverDecider.ReturnFollowUpSla));
    }

    [Fact]
    public void ReturnFollowUp_StillNotDoneAfterTheTeamleider_EscalatesToTheManager_ThenStops()
    {
        var teamleider = Apply(Returned(), new EscalateHandover(), At(2026, 3, 5, 17, 1));

        var decision = Decide(teamleider, new EscalateHandover(), At(2026, 3, 9, 17, 1));

        var manager = Ok(decision);
        manager.EscalationLevel.ShouldBe(2);
        manager.NextEscalationAt.ShouldBeNull();
        decision.Events.OfType<HandoverEscalated>().Single().Level.ShouldBe(HandoverDecider.Manager);
        Decide(manager, new EscalateHandover(), At(2026, 3, 20, 9)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Escalate_AtTheDeadlineItself_Escalates_AndJustBeforeItDoesNot()
    {
        var returned = Returned();
        var due = returned.NextEscalationAt!.Value;

        Decide(returned, new EscalateHandover(), due.AddTicks(-1)).Events.ShouldBeEmpty();
        Ok(Decide(returned, new EscalateHandover(), due)).EscalationLevel.ShouldBe(1);
    }

    [Fact]
    public void Escalate_AHandoverAlreadyAtTheManager_ChangesNothing()
    {
        var atManager = Transferred(At(2026, 3, 2, 10)) with { EscalationLevel = 2 };

        var decision = Decide(atManager, new EscalateHandover(), At(2026, 3, 20, 9));

        decision.State.ShouldBe(atManager);
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Escalate_AHandoverStillBeingPrepared_ChangesNothing()
    {
        var ready = Apply(Requested(), Reached(Monday.AddMinutes(10))) with { NextEscalationAt = Monday };

        Decide(ready, new EscalateHandover(), At(2026, 3, 20, 9)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void ReturnFollowUp_AfterACancel_NeverEscalates()
    {
        var cancelled = Apply(Returned(), new CancelHandover(Sender, "cliënt blijft bij SMZ"), At(2026, 3, 4, 10));

        cancelled.NextEscalationAt.ShouldBeNull();
        cancelled.DueAt.ShouldBeNull();
        Decide(cancelled, new EscalateHandover(), At(2026, 3, 20, 9)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Retransfer_AfterAReturn_ClearsTheReturnReason_AndStartsANewAcceptanceDeadline()
    {
        var escalated = Apply(Returned(), new EscalateHandover(), At(2026, 3, 5, 17, 1));

        var retransferred = Apply(escalated, Transfer(), At(2026, 3, 6, 10));

        retransferred.Status.ShouldBe(HandoverStates.Transferred);
        retransferred.EscalationLevel.ShouldBe(0);
        retransferred.ReturnReason.ShouldBeNull();
        retransferred.ReturnReasonCategory.ShouldBeNull();
        retransferred.TransferredAt.ShouldBe(At(2026, 3, 6, 10));
        retransferred.DueAt.ShouldBe(At(2026, 3, 10, 17));
        retransferred.NextEscalationAt.ShouldBe(At(2026, 3, 10, 17));
    }

    [Fact]
    public void Acceptance_DeadlinePassed_EscalatesWithTheAcceptanceCause()
    {
        var decision = Decide(Transferred(At(2026, 3, 2, 10)), new EscalateHandover(), At(2026, 3, 4, 17, 1));

        decision.Events.OfType<HandoverEscalated>().Single().Cause.ShouldBe(HandoverDecider.AcceptanceSla);
    }
}
