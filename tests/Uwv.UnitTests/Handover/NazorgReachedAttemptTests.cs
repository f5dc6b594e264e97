using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>Which call reached the client counts for the nazorg KPIs: the first one that checked outcome and next steps.</summary>
public sealed class NazorgReachedAttemptTests
{
    private static readonly HandoverRules Rules = new() { Office = Uwv.UnitTests.Calendar.TestCalendar.Office };

    private static NazorgAttempt Call(int hour, bool reached, bool understands = true, bool knows = true, string? needs = null) =>
        new(At(2026, 3, 2, hour), reached, reached && understands, reached && knows, needs, Sender);

    [Fact]
    public void NazorgReached_AtTheThirdAttempt_IsCountedAsTheThird()
    {
        var log = NazorgLog.Empty with { Attempts = [Call(9, false), Call(10, true, understands: false), Call(11, true)] };

        NazorgGate.ReachedAttempt(log).ShouldBe(3);
        NazorgGate.Summarize(log, Rules).ShouldBe(new NazorgSummary(true, true, false, 3, 3, false));
    }

    [Fact]
    public void NazorgReached_ButTheClientDoesNotKnowTheNextSteps_DoesNotCount()
    {
        var log = NazorgLog.Empty with { Attempts = [Call(9, true, knows: false)] };

        NazorgGate.ReachedAttempt(log).ShouldBeNull();
        NazorgGate.IsOpen(log, Rules).ShouldBeFalse();
    }

    [Fact]
    public void NazorgReached_AfterAnEarlierReachedCall_CountsTheFirst()
    {
        var log = NazorgLog.Empty with { Attempts = [Call(9, false), Call(10, true), Call(11, true)] };

        NazorgGate.ReachedAttempt(log).ShouldBe(2);
    }

    [Fact]
    public void NazorgSummary_OfAKindWithoutNazorg_IsNotRequired_AndAnOverrideThereIsNotCounted()
    {
        var rules = Rules with { RequireNazorg = false };

        NazorgGate.Summarize(NazorgLog.Empty with { Override = new NazorgOverride("x", "teamleider", Monday) }, rules)
            .ShouldBe(new NazorgSummary(false, false, false, 0, null, false));
    }

    [Fact]
    public void NazorgSummary_OverrideAfterAReachedCall_CountsAsDone_NotAsOverride()
    {
        var log = NazorgLog.Empty with { Attempts = [Call(9, true)], Override = new NazorgOverride("x", "teamleider", Monday) };

        NazorgGate.Summarize(log, Rules).ShouldBe(new NazorgSummary(true, true, false, 1, 1, false));
    }

    [Fact]
    public void NazorgNotes_KeepOnlyWhatReachedClientsSaid_InCallOrder()
    {
        var log = NazorgLog.Empty with
        {
            Attempts = [Call(9, true, understands: false, needs: "vaste contactpersoon"), Call(10, false, needs: "niet gehoord"), Call(11, true, needs: " "), Call(12, true, needs: "tolk")],
        };

        log.Notes().ShouldBe("vaste contactpersoon\ntolk");
        log.UnansweredAttempts.ShouldBe(1);
        (NazorgLog.Empty with { Attempts = [Call(9, false)] }).Notes().ShouldBeNull();
    }

    [Fact]
    public void NazorgLog_IsEmpty_OnlyWithoutAttemptsMessagesAndOverride()
    {
        NazorgLog.Empty.IsEmpty.ShouldBeTrue();
        (NazorgLog.Empty with { Attempts = [Call(9, false)] }).IsEmpty.ShouldBeFalse();
        (NazorgLog.Empty with { Messages = [new WrittenMessage("letter", Monday, Sender)] }).IsEmpty.ShouldBeFalse();
        (NazorgLog.Empty with { Override = new NazorgOverride("x", "teamleider", Monday) }).IsEmpty.ShouldBeFalse();
    }

    [Fact]
    public void RecordNazorgAttempt_Unreached_DropsWhatWasTickedAndSaid()
    {
        var state = Apply(Requested(), new RecordNazorgAttempt(Sender, Reached: false, UnderstandsOutcome: true, KnowsNextSteps: true, "tolk", Monday));

        var attempt = state.Nazorg.Attempts.ShouldHaveSingleItem();
        (attempt.UnderstandsOutcome, attempt.KnowsNextSteps, attempt.ExtraNeeds).ShouldBe((false, false, (string?)null));
        state.Status.ShouldBe(HandoverStates.NazorgPending);
    }
}
