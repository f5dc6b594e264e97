using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.UnitTests.Divisions;

/// <summary>Every change a move makes to a division's dossier row bumps its version (so a concurrent writer retries); a no-op does not.</summary>
public sealed class TransferRowVersionTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly Guid SmzDossier = Guid.NewGuid();
    private static readonly Guid WbDossier = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static DossierTransferred Move(int minute, string team = "arnhem-zuid") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Client, SmzDossier, SmzDossier, WbDossier, DivisionCode.Smz, DivisionCode.Werkbedrijf, team, "adviseur", "transfer", T0.AddMinutes(minute));

    private static DossierRecord Row(Guid id, DivisionCode division, string status, DateTimeOffset opened, DateTimeOffset? lastMove = null) => new()
    {
        DossierId = id, ClientId = Client, Division = division, OwnerTeam = "arnhem-noord", OwnerEmployee = "va.1",
        Status = status, OpenedAt = opened, LastMoveAt = lastMove, Version = 3,
    };

    [Fact]
    public void Close_BumpsTheVersion_AndRecordsTheMove()
    {
        var sending = Row(SmzDossier, DivisionCode.Smz, TransferRules.OpenStatus, T0);

        TransferRules.Close(sending, Move(5));

        (sending.Status, sending.Version, sending.LastMoveAt).ShouldBe((TransferRules.ClosedStatus, 4L, (DateTimeOffset?)T0.AddMinutes(5)));
    }

    [Fact]
    public void Close_BySupersededMove_ChangesNothing()
    {
        var sending = Row(SmzDossier, DivisionCode.Smz, TransferRules.OpenStatus, T0, lastMove: T0.AddMinutes(5));

        TransferRules.Close(sending, Move(5));

        (sending.Status, sending.Version).ShouldBe((TransferRules.OpenStatus, 3L));
    }

    [Fact]
    public void Reopen_BumpsTheVersion_AndTakesTheMovesTeam()
    {
        var receiving = Row(WbDossier, DivisionCode.Werkbedrijf, TransferRules.ClosedStatus, T0, lastMove: T0.AddMinutes(1));

        TransferRules.Reopen(receiving, Move(5));

        (receiving.Status, receiving.OwnerTeam, receiving.Version, receiving.LastMoveAt)
            .ShouldBe((TransferRules.OpenStatus, "arnhem-zuid", 4L, (DateTimeOffset?)T0.AddMinutes(5)));
    }

    [Fact]
    public void Reopen_BySupersededMoveOlderThanTheOpening_OnlyCompletesTheOpeningTime_AndBumpsTheVersion()
    {
        var receiving = Row(WbDossier, DivisionCode.Werkbedrijf, TransferRules.ClosedStatus, T0.AddMinutes(8), lastMove: T0.AddMinutes(8));

        TransferRules.Reopen(receiving, Move(5));

        (receiving.Status, receiving.OpenedAt, receiving.Version).ShouldBe((TransferRules.ClosedStatus, T0.AddMinutes(5), 4L));
    }

    [Fact]
    public void Reopen_BySupersededMoveNotOlderThanTheOpening_ChangesNothing()
    {
        var receiving = Row(WbDossier, DivisionCode.Werkbedrijf, TransferRules.ClosedStatus, T0.AddMinutes(5), lastMove: T0.AddMinutes(8));

        TransferRules.Reopen(receiving, Move(5));

        (receiving.Status, receiving.OpenedAt, receiving.Version).ShouldBe((TransferRules.ClosedStatus, T0.AddMinutes(5), 3L));
    }

    [Fact]
    public void IsSuperseded_ByAMoveOfTheSameInstant()
    {
        var row = Row(SmzDossier, DivisionCode.Smz, TransferRules.OpenStatus, T0, lastMove: T0.AddMinutes(5));

        TransferRules.IsSuperseded(row, Move(5)).ShouldBeTrue();
        TransferRules.IsSuperseded(row, Move(6)).ShouldBeFalse();
        TransferRules.IsSuperseded(Row(SmzDossier, DivisionCode.Smz, TransferRules.OpenStatus, T0), Move(0)).ShouldBeFalse();
    }

    [Fact]
    public void Apply_InADivisionWithoutEitherRow_AddsTheRowsAtVersionOne()
    {
        var move = Move(5);

        var smz = TransferRules.Apply(DivisionCode.Smz, move, null, null).ShouldHaveSingleItem();
        var wb = TransferRules.Apply(DivisionCode.Werkbedrijf, move, null, null).ShouldHaveSingleItem();

        (smz.DossierId, smz.Status, smz.Division, smz.OwnerEmployee, smz.Version, smz.LastMoveAt)
            .ShouldBe((SmzDossier, TransferRules.ClosedStatus, DivisionCode.Smz, "", 1L, (DateTimeOffset?)move.OccurredAt));
        (wb.DossierId, wb.Status, wb.Division, wb.OwnerEmployee, wb.OwnerTeam, wb.Version, wb.OpenedAt)
            .ShouldBe((WbDossier, TransferRules.OpenStatus, DivisionCode.Werkbedrijf, "adviseur", "arnhem-zuid", 1L, move.OccurredAt));
        TransferRules.Apply(DivisionCode.Uitkeren, move, null, null).ShouldBeEmpty();
    }
}
