using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.UnitTests.Divisions;

/// <summary>
/// The divisions' side of a transfer: whatever order each division receives a lineage's moves in (a transfer, its
/// return, a next transfer; duplicated or late), the lineage ends with exactly one open dossier, the newest move's.
/// </summary>
public sealed class TransferRulesTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-3333-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly Guid Lineage = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid SmzDossier = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid WbDossier = Guid.Parse("00000000-0000-0000-0000-0000000000d2");
    private static readonly Guid UitDossier = Guid.Parse("00000000-0000-0000-0000-0000000000d3");

    private static DossierTransferred Move(int minute, Guid from, Guid to, DivisionCode fromDivision, DivisionCode toDivision, string movement) =>
        new(Guid.NewGuid(), Guid.NewGuid(), Client, Lineage, from, to, fromDivision, toDivision, "arnhem-noord", "medewerker", movement, T0.AddMinutes(minute));

    /// <summary>SMZ → Werkbedrijf, back to SMZ, then SMZ → Uitkeren.</summary>
    private static readonly DossierTransferred[] Lineage3 =
    [
        Move(5, SmzDossier, WbDossier, DivisionCode.Smz, DivisionCode.Werkbedrijf, "transfer"),
        Move(8, WbDossier, SmzDossier, DivisionCode.Werkbedrijf, DivisionCode.Smz, "return"),
        Move(12, SmzDossier, UitDossier, DivisionCode.Smz, DivisionCode.Uitkeren, "transfer"),
    ];

    /// <summary>One division's dossier table, fed the way the consumer feeds it.</summary>
    private sealed class Division(DivisionCode code)
    {
        public Dictionary<Guid, DossierRecord> Rows { get; } = [];

        public void Receive(DossierTransferred e)
        {
            Rows.TryGetValue(e.FromDossierId, out var sending);
            Rows.TryGetValue(e.ToDossierId, out var receiving);
            foreach (var added in TransferRules.Apply(code, e, e.FromDivision == code ? sending : null, e.ToDivision == code ? receiving : null))
            {
                Rows.Add(added.DossierId, added);
            }
        }
    }

    private static Dictionary<DivisionCode, Division> Divisions()
    {
        var divisions = new[] { DivisionCode.Smz, DivisionCode.Werkbedrijf, DivisionCode.Uitkeren }.ToDictionary(d => d, d => new Division(d));
        divisions[DivisionCode.Smz].Rows.Add(SmzDossier, new DossierRecord
        {
            DossierId = SmzDossier, ClientId = Client, Division = DivisionCode.Smz, OwnerTeam = "arnhem-noord",
            OwnerEmployee = "va.1", Status = TransferRules.OpenStatus, OpenedAt = T0, Version = 1,
        });
        return divisions;
    }

    private static IEnumerable<DossierRecord> AllRows(Dictionary<DivisionCode, Division> divisions) => divisions.Values.SelectMany(d => d.Rows.Values);

    [Fact]
    public void Transfer_InOrder_LeavesOnlyTheNewestReceivingDossierOpen()
    {
        var divisions = Divisions();
        foreach (var move in Lineage3)
        {
            divisions[move.FromDivision].Receive(move);
            divisions[move.ToDivision].Receive(move);
        }

        AllRows(divisions).Where(r => r.Status == TransferRules.OpenStatus).ShouldHaveSingleItem().DossierId.ShouldBe(UitDossier);
    }

    [Fact]
    public void Transfer_ReturnArrivingBeforeItsTransfer_DoesNotReopenTheReturnedDossier()
    {
        var divisions = Divisions();
        var werkbedrijf = divisions[DivisionCode.Werkbedrijf];

        werkbedrijf.Receive(Lineage3[1]);
        werkbedrijf.Receive(Lineage3[0]);

        var row = werkbedrijf.Rows[WbDossier];
        row.Status.ShouldBe(TransferRules.ClosedStatus);
        row.OpenedAt.ShouldBe(Lineage3[0].OccurredAt, "the late transfer still tells when the dossier was opened");
    }

    [Fact]
    public void Transfer_OlderMove_NeverUndoesANewerOne()
    {
        var divisions = Divisions();
        var smz = divisions[DivisionCode.Smz];

        smz.Receive(Lineage3[1]);
        smz.Receive(Lineage3[0]);

        smz.Rows[SmzDossier].Status.ShouldBe(TransferRules.OpenStatus, "the return (newer) reopened it; the transfer (older) arrived late");
    }

    [Fact]
    public void Transfer_InEveryDivisionsOwnRandomOrder_WithDuplicates_EndsWithExactlyOneOwner()
    {
        var random = new Random(11);
        for (var run = 0; run < 300; run++)
        {
            var divisions = Divisions();
            foreach (var division in divisions.Values)
            {
                var mine = Lineage3.Where(m => divisions[m.FromDivision] == division || divisions[m.ToDivision] == division).ToList();
                var deliveries = mine.Concat(mine.Where(_ => random.Next(2) == 0)).OrderBy(_ => random.Next());
                foreach (var move in deliveries)
                {
                    division.Receive(move);
                }
            }

            var open = AllRows(divisions).Where(r => r.Status == TransferRules.OpenStatus).ToList();
            open.ShouldHaveSingleItem($"run {run}").DossierId.ShouldBe(UitDossier);
            AllRows(divisions).Select(r => r.DossierId).ShouldBe([SmzDossier, WbDossier, UitDossier], ignoreOrder: true);
        }
    }
}
