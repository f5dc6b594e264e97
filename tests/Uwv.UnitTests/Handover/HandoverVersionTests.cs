using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

/// <summary>Every move of a handover bumps its version by one (the version names the move's transfer id), and derived ids are UUIDs.</summary>
public sealed class HandoverVersionTests
{
    [Fact]
    public void Transfer_Accept_Return_Cancel_Escalate_EachBumpTheVersionByOne()
    {
        var ready = Apply(Requested(), Reached(Monday.AddMinutes(10)));
        var transferred = Apply(ready, Transfer(), At(2026, 3, 2, 11));
        var accepted = Apply(transferred, new AcceptHandover(Receiver), At(2026, 3, 3, 10));
        var returned = Apply(transferred, new ReturnHandover(Receiver, "other", "x", []), At(2026, 3, 3, 10));
        var cancelled = Apply(returned, new CancelHandover(Sender, "x"), At(2026, 3, 3, 11));
        var escalated = Apply(transferred, new EscalateHandover(), At(2026, 3, 5, 9));

        transferred.Version.ShouldBe(ready.Version + 1);
        accepted.Version.ShouldBe(transferred.Version + 1);
        returned.Version.ShouldBe(transferred.Version + 1);
        cancelled.Version.ShouldBe(returned.Version + 1);
        escalated.Version.ShouldBe(transferred.Version + 1);
    }

    [Fact]
    public void TransferAndReturn_OfOneHandover_HaveDifferentTransferIds()
    {
        var ready = Apply(Requested(), Reached(Monday.AddMinutes(10)));
        var transfer = Decide(ready, Transfer(), At(2026, 3, 2, 11));
        var back = Decide(Ok(transfer), new ReturnHandover(Receiver, "other", "x", []), At(2026, 3, 3, 10));

        var first = transfer.Events.OfType<DossierTransferred>().Single();
        var second = back.Events.OfType<DossierTransferred>().Single();
        first.TransferId.ShouldBe(DossierIds.Transfer(ready.HandoverId, ready.Version + 1));
        second.TransferId.ShouldBe(DossierIds.Transfer(ready.HandoverId, ready.Version + 2));
    }

    [Fact]
    public void DerivedIds_AreVersion8Uuids_OfTheRfc4122Variant()
    {
        for (var i = 1; i <= 64; i++)
        {
            var handover = new Guid(i, 0, 0, [0, 0, 0, 0, 0, 0, 0, (byte)i]);
            foreach (var id in new[] { DossierIds.ReceivingDossier(handover), DossierIds.Transfer(handover, i) })
            {
                var text = id.ToString("D");
                text[14].ShouldBe('8', text);
                "89ab".ShouldContain(text[19], text);
            }
        }
    }
}
