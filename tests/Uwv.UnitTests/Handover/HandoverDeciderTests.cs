using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

public sealed class HandoverDeciderTests
{
    [Fact]
    public void Transfer_WhenNazorgNotDone_IsRefused()
    {
        var decision = Decide(Requested(), Transfer());

        decision.Refusal!.Rule.ShouldBe(GateRules.NazorgDone);
        decision.State.ShouldBeNull();
        decision.Events.ShouldBeEmpty();
    }

    [Fact]
    public void Transfer_AfterReachedCallWithChecks_IsAllowed()
    {
        var ready = Apply(Requested(), Reached(Monday.AddMinutes(30)));
        ready.Status.ShouldBe(HandoverStates.Ready);

        var transferred = Ok(Decide(ready, Transfer()));

        transferred.Status.ShouldBe(HandoverStates.Transferred);
    }

    [Fact]
    public void Transfer_WhenReachedButClientDidNotUnderstandOutcome_IsRefused()
    {
        var state = Apply(Requested(), new RecordNazorgAttempt(Sender, true, UnderstandsOutcome: false, KnowsNextSteps: true, null, Monday));
        state.Status.ShouldBe(HandoverStates.NazorgPending);

        Decide(state, Transfer()).Refusal!.Rule.ShouldBe(GateRules.NazorgDone);
    }

    [Fact]
    public void Transfer_AfterThreeUnansweredAttemptsAndLetter_IsAllowed()
    {
        var state = Requested();
        state = Apply(state, Unanswered(At(2026, 3, 2, 10)));
        state = Apply(state, Unanswered(At(2026, 3, 2, 15)));
        state = Apply(state, Unanswered(At(2026, 3, 3, 10)), At(2026, 3, 3, 10));
        state = Apply(state, new RecordWrittenMessage(Sender, "letter"), At(2026, 3, 3, 11));

        var decision = Decide(state, Transfer(), At(2026, 3, 3, 12));

        Ok(decision).Status.ShouldBe(HandoverStates.Transferred);
        decision.Events.OfType<HandoverTransferred>().Single().Nazorg.WrittenMessage.ShouldBeTrue();
    }

    [Fact]
    public void RecordWrittenMessage_BeforeThreeUnansweredAttemptsOnTwoWorkingDays_IsRefused()
    {
        var state = Apply(Apply(Apply(Requested(), Unanswered(At(2026, 3, 2, 10))), Unanswered(At(2026, 3, 2, 11))), Unanswered(At(2026, 3, 2, 12)));

        Decide(state, new RecordWrittenMessage(Sender, "email")).Refusal!.Rule.ShouldBe(GateRules.WrittenMessageAfterUnansweredAttempts);
    }

    [Fact]
    public void Transfer_WhenKindRequiresNoNazorg_IsAllowedAtOnce()
    {
        var state = Requested(DivisionCode.Werkbedrijf, DivisionCode.Smz);
        state.Status.ShouldBe(HandoverStates.Ready);

        Ok(Decide(state, Transfer())).Status.ShouldBe(HandoverStates.Transferred);
    }

    [Fact]
    public void Transfer_AfterTeamleiderOverride_IsAllowed_AndCountsAsOverride()
    {
        var state = Apply(Requested(), new OverrideNazorg("teamleider.arnhem-noord", "cliënt in crisisopvang, niet bereikbaar"));

        var decision = Decide(state, Transfer());

        var nazorg = decision.Events.OfType<HandoverTransferred>().Single().Nazorg;
        nazorg.Overridden.ShouldBeTrue();
        nazorg.Done.ShouldBeFalse();
    }

    [Fact]
    public void OverrideNazorg_WhenNazorgAlreadyDone_IsRefused() =>
        Decide(Apply(Requested(), Reached(Monday)), new OverrideNazorg("teamleider.arnhem-noord", "x"))
            .Refusal!.Rule.ShouldBe(HandoverDecider.OverrideNotNeeded);

    [Fact]
    public void Transfer_WhenClientHasSignalenWithoutWarmHandover_IsRefused()
    {
        var ready = Apply(Requested(), Reached(Monday));
        var signaal = new SignaalNote(KwetsbaarheidFactor.Levensgebeurtenis, "Partner recent overleden", Sender, Monday);

        Decide(ready, Transfer(signalen: [signaal])).Refusal!.Rule.ShouldBe(GateRules.WarmHandover);
    }

    [Fact]
    public void Transfer_WhenClientHasSignalenAndNamedColleagueConfirmedIntroduction_IsAllowed_AndSignalenTravel()
    {
        var signaal = new SignaalNote(KwetsbaarheidFactor.Doenvermogen, "Heeft hulp nodig bij formulieren", Sender, Monday);
        var state = Apply(Requested(signalen: true), Reached(Monday, "Wil graag een vaste contactpersoon"));
        state.Status.ShouldBe(HandoverStates.NazorgPending);
        state = Apply(state, new ArrangeWarmHandover(Sender, Receiver));
        state = Apply(state, new ConfirmWarmHandover(Receiver));
        state.Status.ShouldBe(HandoverStates.Ready);

        var decision = Decide(state, Transfer(signalen: [signaal]));

        var transferred = decision.Events.OfType<HandoverTransferred>().Single();
        transferred.Package.Signalen.ShouldBe([signaal]);
        transferred.Package.NazorgNotes.ShouldBe("Wil graag een vaste contactpersoon");
        transferred.Package.OpenQuestions.ShouldBe("Wil de cliënt parttime werken?");
        decision.Events.OfType<DossierTransferred>().Single().ReceivingEmployee.ShouldBe(Receiver);
    }

    [Fact]
    public void ConfirmWarmHandover_ByOtherThanNamedColleague_IsRefused()
    {
        var state = Apply(Requested(signalen: true), new ArrangeWarmHandover(Sender, Receiver));

        Decide(state, new ConfirmWarmHandover("arbeidsdeskundige.arnhem-noord")).Refusal!.Rule.ShouldBe(HandoverDecider.WarmHandoverColleague);
    }

    public static TheoryData<DateTimeOffset, DateTimeOffset, string> AcceptanceDeadlines => new()
    {
        { At(2026, 3, 2, 10), At(2026, 3, 4, 17), "Monday: Wednesday end of day" },
        { At(2026, 3, 6, 16), At(2026, 3, 10, 17), "Friday: over the weekend to Tuesday" },
        { At(2026, 4, 2, 10), At(2026, 4, 8, 17), "Thursday before Easter: Goede Vrijdag and Tweede Paasdag skipped" },
        { At(2026, 3, 7, 10), At(2026, 3, 10, 17), "Saturday: the next two working days" },
    };

    [Theory]
    [MemberData(nameof(AcceptanceDeadlines))]
    public void Transfer_SetsAcceptanceDeadline_AtEndOfSecondWorkingDay(DateTimeOffset transferredAt, DateTimeOffset expectedDue, string example)
    {
        var transferred = Transferred(transferredAt);

        transferred.DueAt.ShouldBe(expectedDue, example);
        transferred.NextEscalationAt.ShouldBe(expectedDue);
    }

    [Fact]
    public void Accept_BeforeTransfer_IsRefused_AsOutOfOrder() =>
        Decide(Apply(Requested(), Reached(Monday)), new AcceptHandover(Receiver)).Refusal!.Rule.ShouldBe(HandoverDecider.StateRule);

    [Fact]
    public void Transfer_Twice_IsRefused_AsOutOfOrder() =>
        Decide(Transferred(), Transfer()).Refusal!.Rule.ShouldBe(HandoverDecider.StateRule);

    [Fact]
    public void Cancel_AfterTransfer_IsRefused() =>
        Decide(Transferred(), new CancelHandover(Sender, "toch niet")).Refusal!.Rule.ShouldBe(HandoverDecider.StateRule);

    [Fact]
    public void Accept_WhenTransferred_IsFinal_AndStopsTheClock()
    {
        var accepted = Apply(Transferred(), new AcceptHandover(Receiver), Monday.AddHours(5));

        accepted.Status.ShouldBe(HandoverStates.Accepted);
        accepted.NextEscalationAt.ShouldBeNull();
        Decide(accepted, new ReturnHandover(Receiver, "other", "x", [])).Refusal!.Rule.ShouldBe(HandoverDecider.StateRule);
    }

    [Fact]
    public void Return_MovesDossierBackToSender_WithReason_AndStartsSenderFollowUpDeadline()
    {
        var transferred = Transferred();
        var decision = Decide(transferred, new ReturnHandover(Receiver, "incomplete-dossier", "FML ontbreekt", []), Monday.AddHours(3));

        var returned = Ok(decision);
        returned.Status.ShouldBe(HandoverStates.Returned);
        returned.ReturnReason.ShouldBe("FML ontbreekt");
        returned.DueAt.ShouldBe(At(2026, 3, 4, 17));
        var move = decision.Events.OfType<DossierTransferred>().Single();
        (move.FromDossierId, move.ToDossierId, move.Movement).ShouldBe((transferred.ReceivingDossierId, transferred.DossierId, "return"));
    }

    [Fact]
    public void Returned_SenderMayRetransferOrCancel()
    {
        var returned = Apply(Transferred(), new ReturnHandover(Receiver, "other", "x", []), Monday.AddHours(3));

        Ok(Decide(returned, Transfer(), Monday.AddHours(4))).Status.ShouldBe(HandoverStates.Transferred);
        Ok(Decide(returned, new CancelHandover(Sender, "cliënt blijft bij SMZ"), Monday.AddHours(4))).Status.ShouldBe(HandoverStates.Cancelled);
    }

    [Fact]
    public void Escalate_AfterAcceptanceDeadline_GoesToTeamleiderThenManager()
    {
        var transferred = Transferred(At(2026, 3, 2, 10));

        var first = Decide(transferred, new EscalateHandover(), At(2026, 3, 4, 17, 1));
        var teamleider = Ok(first);
        teamleider.Status.ShouldBe(HandoverStates.Escalated);
        teamleider.EscalationLevel.ShouldBe(1);
        first.Events.OfType<HandoverEscalated>().Single().Level.ShouldBe(HandoverDecider.Teamleider);
        teamleider.NextEscalationAt.ShouldBe(At(2026, 3, 6, 17));

        var second = Decide(teamleider, new EscalateHandover(), At(2026, 3, 6, 17, 1));
        Ok(second).EscalationLevel.ShouldBe(2);
        second.Events.OfType<HandoverEscalated>().Single().Level.ShouldBe(HandoverDecider.Manager);
        Ok(second).NextEscalationAt.ShouldBeNull();

        Decide(Ok(second), new EscalateHandover(), At(2026, 3, 20, 9)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void Escalate_BeforeDeadline_OrAfterAcceptance_ChangesNothing()
    {
        var transferred = Transferred(At(2026, 3, 2, 10));
        Decide(transferred, new EscalateHandover(), At(2026, 3, 4, 16)).Events.ShouldBeEmpty();
        var accepted = Apply(transferred, new AcceptHandover(Receiver), At(2026, 3, 3, 10));
        Decide(accepted, new EscalateHandover(), At(2026, 3, 9, 10)).Events.ShouldBeEmpty();
    }

    [Fact]
    public void AcceptHandover_WhenEscalated_IsStillAllowed() =>
        Apply(Ok(Decide(Transferred(At(2026, 3, 2, 10)), new EscalateHandover(), At(2026, 3, 5, 9))), new AcceptHandover(Receiver), At(2026, 3, 5, 10))
            .Status.ShouldBe(HandoverStates.Accepted);

    [Fact]
    public void Request_ByDivisionThatDoesNotOwnTheDossier_IsRefused()
    {
        var dossierId = Guid.NewGuid();
        var input = new RequestInput(Guid.NewGuid(), Guid.NewGuid(), dossierId, DivisionCode.Smz, DivisionCode.Werkbedrijf, "r", null, Sender,
            Owner(dossierId, DivisionCode.Uitkeren), false, false);

        HandoverDecider.Request(input, Options, Monday).Refusal!.Rule.ShouldBe(HandoverDecider.OwnerDivision);
    }

    [Fact]
    public void Request_WhenDossierAlreadyHasOpenHandover_IsRefused()
    {
        var dossierId = Guid.NewGuid();
        var input = new RequestInput(Guid.NewGuid(), Guid.NewGuid(), dossierId, DivisionCode.Smz, DivisionCode.Werkbedrijf, "r", null, Sender,
            Owner(dossierId, DivisionCode.Smz), OpenHandoverExists: true, false);

        HandoverDecider.Request(input, Options, Monday).Refusal!.Rule.ShouldBe(HandoverDecider.OneOpenHandover);
    }

    [Fact]
    public void EveryTransition_IncrementsVersion_AndPublishesItsEventWithTheNewSnapshot()
    {
        var requested = Requested();
        var decision = Decide(requested, Reached(Monday));

        Ok(decision).Version.ShouldBe(requested.Version + 1);
        var e = decision.Events.OfType<NazorgAttemptRecorded>().Single();
        e.Handover.Version.ShouldBe(requested.Version + 1);
        e.Handover.State.ShouldBe(HandoverStates.Ready);
    }

    [Fact]
    public void ReceivingDossierId_IsDerivedFromHandover_SoReplaysLandOnSameDossier()
    {
        var id = Guid.NewGuid();
        DossierIds.ReceivingDossier(id).ShouldBe(DossierIds.ReceivingDossier(id));
        DossierIds.ReceivingDossier(id).ShouldNotBe(DossierIds.ReceivingDossier(Guid.NewGuid()));
        DossierIds.Transfer(id, 3).ShouldNotBe(DossierIds.Transfer(id, 4));
    }
}
