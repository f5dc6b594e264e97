using Uwv.Contracts.Events;
using Uwv.Handover.Domain;

namespace Uwv.UnitTests.Handover;

/// <summary>Ownership moves only forward in time: a late or repeated move never hands the lineage back.</summary>
public sealed class OwnershipLedgerTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly Guid Lineage = Guid.NewGuid();
    private static readonly Guid SmzDossier = Lineage;
    private static readonly Guid WerkbedrijfDossier = Guid.NewGuid();
    private static readonly Guid UitkerenDossier = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<OwnershipRow> Opened() => OwnershipLedger.Open([], SmzDossier, Client, DivisionCode.Smz, "arnhem-noord", T0);

    private static DossierTransferred MoveTo(Guid toDossier, DivisionCode to, DateTimeOffset at, Guid? fromDossier = null, DivisionCode from = DivisionCode.Smz) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Client, Lineage, fromDossier ?? SmzDossier, toDossier, from, to, "arnhem-zuid", "", "transfer", at);

    [Fact]
    public void Move_OlderThanTheCurrentOwner_ChangesNothing()
    {
        var rows = OwnershipLedger.Move(Opened(), MoveTo(WerkbedrijfDossier, DivisionCode.Werkbedrijf, T0.AddDays(2)));

        var late = OwnershipLedger.Move(rows, MoveTo(UitkerenDossier, DivisionCode.Uitkeren, T0.AddDays(1)));

        late.ShouldBe(rows);
        OwnershipLedger.Owner(late, Lineage)!.Division.ShouldBe(DivisionCode.Werkbedrijf);
    }

    [Fact]
    public void Move_AtTheSameInstantAsTheOwnersStart_IsApplied()
    {
        var rows = OwnershipLedger.Move(Opened(), MoveTo(WerkbedrijfDossier, DivisionCode.Werkbedrijf, T0));

        var owner = OwnershipLedger.Owner(rows, Lineage)!;
        (owner.DossierId, owner.Division, owner.Team, owner.Since).ShouldBe((WerkbedrijfDossier, DivisionCode.Werkbedrijf, "arnhem-zuid", T0));
        rows.Count.ShouldBe(2);
        OwnershipLedger.EveryLineageHasExactlyOneOwner(rows).ShouldBeTrue();
    }

    [Fact]
    public void Move_AppliedTwice_ChangesNothingTheSecondTime()
    {
        var move = MoveTo(WerkbedrijfDossier, DivisionCode.Werkbedrijf, T0.AddDays(1));
        var once = OwnershipLedger.Move(Opened(), move);

        OwnershipLedger.Move(once, move).ShouldBe(once);
    }

    [Fact]
    public void Return_ReactivatesTheSendersDossier_AsTheOnlyOwner()
    {
        var transferred = OwnershipLedger.Move(Opened(), MoveTo(WerkbedrijfDossier, DivisionCode.Werkbedrijf, T0.AddDays(1)));

        var returned = OwnershipLedger.Move(transferred,
            MoveTo(SmzDossier, DivisionCode.Smz, T0.AddDays(2), fromDossier: WerkbedrijfDossier, from: DivisionCode.Werkbedrijf));

        returned.Count.ShouldBe(2);
        OwnershipLedger.Owner(returned, Lineage)!.DossierId.ShouldBe(SmzDossier);
        returned.Single(r => r.DossierId == WerkbedrijfDossier).Active.ShouldBeFalse();
        OwnershipLedger.EveryLineageHasExactlyOneOwner(returned).ShouldBeTrue();
    }

    [Fact]
    public void Move_LeavesOtherLineagesAlone()
    {
        var other = Guid.NewGuid();
        var rows = OwnershipLedger.Open(Opened(), other, Client, DivisionCode.Uitkeren, "arnhem-noord", T0);

        var moved = OwnershipLedger.Move(rows, MoveTo(WerkbedrijfDossier, DivisionCode.Werkbedrijf, T0.AddDays(1)));

        OwnershipLedger.Owner(moved, other)!.Division.ShouldBe(DivisionCode.Uitkeren);
        OwnershipLedger.Owner(moved, Lineage)!.Division.ShouldBe(DivisionCode.Werkbedrijf);
    }

    [Fact]
    public void Open_OfAKnownDossier_ChangesNothing()
    {
        var rows = Opened();

        OwnershipLedger.Open(rows, SmzDossier, Client, DivisionCode.Werkbedrijf, "arnhem-zuid", T0.AddDays(1)).ShouldBe(rows);
    }

    [Fact]
    public void Invariant_NoOwnerOrTwoOwners_IsBroken()
    {
        var owner = Opened().Single();

        OwnershipLedger.EveryLineageHasExactlyOneOwner([owner with { Active = false }]).ShouldBeFalse();
        OwnershipLedger.EveryLineageHasExactlyOneOwner([owner, owner with { DossierId = Guid.NewGuid() }]).ShouldBeFalse();
    }

    [Fact]
    public void Close_AtTheSameInstantAsTheOwnersStart_ClosesIt_ButAnOlderCloseDoesNot()
    {
        var rows = Opened();

        OwnershipLedger.Close(rows, SmzDossier, Client, DivisionCode.Smz, T0).ClosedOpen.ShouldBeTrue();
        var (unchanged, closedOpen) = OwnershipLedger.Close(rows, SmzDossier, Client, DivisionCode.Smz, T0.AddTicks(-1));
        closedOpen.ShouldBeFalse();
        unchanged.ShouldBe(rows);
    }

    [Fact]
    public void Move_OfALineageWithoutAKnownOwner_MakesTheReceiverTheOwner()
    {
        var rows = OwnershipLedger.Move([], MoveTo(WerkbedrijfDossier, DivisionCode.Werkbedrijf, T0));

        OwnershipLedger.Owner(rows, Lineage)!.DossierId.ShouldBe(WerkbedrijfDossier);
        rows.Count.ShouldBe(1);
    }

    [Fact]
    public void Close_OfOneDossier_LeavesTheOtherDossiersAlone()
    {
        var other = Guid.NewGuid();
        var rows = OwnershipLedger.Open(Opened(), other, Client, DivisionCode.Uitkeren, "arnhem-noord", T0);

        var (closed, _) = OwnershipLedger.Close(rows, SmzDossier, Client, DivisionCode.Smz, T0.AddDays(1));

        closed.Single(r => r.DossierId == other).ShouldBe(rows.Single(r => r.DossierId == other));
        closed.Single(r => r.DossierId == SmzDossier).Since.ShouldBe(T0.AddDays(1));
    }

    [Fact]
    public void Invariant_OneLineageWithoutOwner_AmongGoodOnes_IsBroken()
    {
        var good = Opened().Single();
        var orphan = good with { DossierId = Guid.NewGuid(), LineageId = Guid.NewGuid(), Active = false };

        OwnershipLedger.EveryLineageHasExactlyOneOwner([good, orphan]).ShouldBeFalse();
        OwnershipLedger.EveryLineageHasExactlyOneOwner([good]).ShouldBeTrue();
    }
}
