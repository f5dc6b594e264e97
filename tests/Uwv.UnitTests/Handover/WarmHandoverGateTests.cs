using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>The warme overdracht: only the named colleague's confirmation opens the gate, and only until the dossier comes back.</summary>
public sealed class WarmHandoverGateTests
{
    private static HandoverState NazorgDoneWithSignalen() => Apply(Requested(signalen: true), Reached(Monday.AddMinutes(30)));

    [Fact]
    public void WarmHandover_ArrangedButNotConfirmed_KeepsTheGateClosed()
    {
        var arranged = Apply(NazorgDoneWithSignalen(), new ArrangeWarmHandover(Sender, Receiver));

        arranged.ReceivingColleague.ShouldBe(Receiver);
        arranged.WarmHandoverConfirmed.ShouldBeFalse();
        arranged.Status.ShouldBe(HandoverStates.NazorgPending);
        Decide(arranged, Transfer()).Refusal!.Rule.ShouldBe(GateRules.WarmHandover);
    }

    [Fact]
    public void WarmHandover_ArrangedWithAnotherColleagueAfterConfirmation_NeedsANewConfirmation()
    {
        var confirmed = Apply(Apply(NazorgDoneWithSignalen(), new ArrangeWarmHandover(Sender, Receiver)), new ConfirmWarmHandover(Receiver));
        confirmed.Status.ShouldBe(HandoverStates.Ready);

        var rearranged = Apply(confirmed, new ArrangeWarmHandover(Sender, "adviseur-werk.arnhem-zuid"));

        rearranged.WarmHandoverConfirmed.ShouldBeFalse();
        rearranged.Status.ShouldBe(HandoverStates.NazorgPending);
        Decide(rearranged, Transfer()).Refusal!.Rule.ShouldBe(GateRules.WarmHandover);
    }

    [Fact]
    public void WarmHandover_ConfirmedBeforeAReturn_IsNoLongerValidAfterIt()
    {
        var confirmed = Apply(Apply(NazorgDoneWithSignalen(), new ArrangeWarmHandover(Sender, Receiver)), new ConfirmWarmHandover(Receiver));
        var transferred = Apply(confirmed, Transfer(), Monday.AddHours(2));

        var returned = Apply(transferred, new ReturnHandover(Receiver, "incomplete", "FML ontbreekt", []), Monday.AddHours(3));

        returned.WarmHandoverConfirmed.ShouldBeFalse();
        returned.Status.ShouldBe(HandoverStates.Returned);
        Decide(returned, Transfer(), Monday.AddHours(4)).Refusal!.Rule.ShouldBe(GateRules.WarmHandover);
    }

    [Fact]
    public void WarmHandover_ConfirmWithoutANamedColleague_IsRefused() =>
        Decide(NazorgDoneWithSignalen(), new ConfirmWarmHandover(Receiver)).Refusal!.Rule.ShouldBe(HandoverDecider.WarmHandoverArranged);

    [Fact]
    public void WarmHandover_ConfirmedByTheNamedColleagueInOtherCase_OpensTheGate()
    {
        var arranged = Apply(NazorgDoneWithSignalen(), new ArrangeWarmHandover(Sender, Receiver));

        Apply(arranged, new ConfirmWarmHandover(Receiver.ToUpperInvariant())).Status.ShouldBe(HandoverStates.Ready);
    }

    [Fact]
    public void Transfer_WithAColleagueArrangedButNeverConfirmed_NamesNoReceivingEmployee()
    {
        var arranged = Apply(Apply(Requested(), Reached(Monday.AddMinutes(30))), new ArrangeWarmHandover(Sender, Receiver));
        arranged.Status.ShouldBe(HandoverStates.Ready);

        var moved = Decide(arranged, Transfer()).Events.OfType<DossierTransferred>().Single();

        moved.ReceivingEmployee.ShouldBe("");
    }
}
