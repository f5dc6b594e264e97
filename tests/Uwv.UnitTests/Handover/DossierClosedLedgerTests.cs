using Uwv.Contracts.Events;
using Uwv.Handover.Domain;

namespace Uwv.UnitTests.Handover;

/// <summary>A dossier closed outside a handover is known to the ledger: its lineage ends and it no longer counts as open.</summary>
public sealed class DossierClosedLedgerTests
{
    private static readonly Guid Dossier = Guid.NewGuid();
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly DateTimeOffset Opened = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static IReadOnlyList<OwnershipRow> OpenRows() =>
        OwnershipLedger.Open([], Dossier, Client, DivisionCode.Werkbedrijf, "arnhem-noord", Opened);

    [Fact]
    public void CloseOutsideHandover_EndsTheLineage_AndCountsOneOpenDossierLess()
    {
        var (rows, closedOpen) = OwnershipLedger.Close(OpenRows(), Dossier, Client, DivisionCode.Werkbedrijf, Opened.AddDays(3));

        closedOpen.ShouldBeTrue();
        rows.ShouldHaveSingleItem().Active.ShouldBeFalse();
        OwnershipLedger.Owner(rows, Dossier).ShouldBeNull();
    }

    [Fact]
    public void CloseOutsideHandover_Twice_ClosesOnce()
    {
        var (once, _) = OwnershipLedger.Close(OpenRows(), Dossier, Client, DivisionCode.Werkbedrijf, Opened.AddDays(3));

        var (twice, closedAgain) = OwnershipLedger.Close(once, Dossier, Client, DivisionCode.Werkbedrijf, Opened.AddDays(3));

        closedAgain.ShouldBeFalse();
        twice.ShouldBe(once);
    }

    [Fact]
    public void CloseArrivingBeforeTheOpening_RecordsTheDossierClosed_AndTheLateOpeningChangesNothing()
    {
        var (rows, closedOpen) = OwnershipLedger.Close([], Dossier, Client, DivisionCode.Werkbedrijf, Opened.AddDays(3));

        closedOpen.ShouldBeFalse();
        var afterOpening = OwnershipLedger.Open(rows, Dossier, Client, DivisionCode.Werkbedrijf, "arnhem-noord", Opened);
        afterOpening.ShouldBe(rows);
        afterOpening.ShouldHaveSingleItem().Active.ShouldBeFalse();
    }

    [Fact]
    public void CloseOfADossierThatMovedOn_ChangesNothing()
    {
        var move = new DossierTransferred(Guid.NewGuid(), Guid.NewGuid(), Client, Dossier, Dossier, Guid.NewGuid(),
            DivisionCode.Werkbedrijf, DivisionCode.Smz, "arnhem-noord", "va.1", "transfer", Opened.AddDays(1));
        var moved = OwnershipLedger.Move(OpenRows(), move);

        var (rows, closedOpen) = OwnershipLedger.Close(moved, Dossier, Client, DivisionCode.Werkbedrijf, Opened.AddDays(2));

        closedOpen.ShouldBeFalse();
        rows.ShouldBe(moved);
        OwnershipLedger.Owner(rows, Dossier)!.Division.ShouldBe(DivisionCode.Smz);
    }
}
