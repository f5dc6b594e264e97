using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>
/// A dossier's status in the picture follows the newest fact about it, in any arrival order: its opening, the
/// division's status changes, and the moves between divisions (a transfer away and its return).
/// </summary>
public sealed class DossierStatusProjectionTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-2222-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly Guid Lineage = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid SmzDossier = Guid.Parse("00000000-0000-0000-0000-0000000000d1");
    private static readonly Guid WbDossier = Guid.Parse("00000000-0000-0000-0000-0000000000d2");

    private static ClientRegistered Registered => new(Client, "123456782", "Anna de Vries", new DateOnly(1975, 3, 14), "6821AB", "arnhem-noord", T0);
    private static DossierOpened Opened => new(SmzDossier, Client, DivisionCode.Smz, "arnhem-noord", "va.1", T0.AddMinutes(1));
    private static DossierStatusChanged InBehandeling => new(SmzDossier, Client, DivisionCode.Smz, "open", "in-behandeling", "beoordeling gestart", "va.1", 2, T0.AddMinutes(2));

    private static DossierTransferred Transfer => new(Guid.Parse("00000000-0000-0000-0000-0000000000e1"), Guid.NewGuid(), Client, Lineage,
        SmzDossier, WbDossier, DivisionCode.Smz, DivisionCode.Werkbedrijf, "arnhem-noord", "aw.1", "transfer", T0.AddMinutes(5));

    private static DossierTransferred Return => new(Guid.Parse("00000000-0000-0000-0000-0000000000e2"), Guid.NewGuid(), Client, Lineage,
        WbDossier, SmzDossier, DivisionCode.Werkbedrijf, DivisionCode.Smz, "arnhem-noord", "va.1", "return", T0.AddMinutes(8));

    private static KlantbeeldDocument Replay(IEnumerable<IClientEvent> events) =>
        events.Aggregate((KlantbeeldDocument?)null, KlantbeeldProjection.Apply)!;

    private static string Json(KlantbeeldDocument doc) => System.Text.Json.JsonSerializer.Serialize(doc);

    private static string StatusOf(KlantbeeldDocument doc, Guid dossierId) => doc.Dossiers.Single(d => d.DossierId == dossierId).Status;

    [Fact]
    public void Projection_TransferArrivingBeforeTheOpening_LeavesTheSendingDossierClosed()
    {
        var doc = Replay([Registered, Transfer, Opened]);

        StatusOf(doc, SmzDossier).ShouldBe("closed");
        StatusOf(doc, WbDossier).ShouldBe("open");
        doc.Dossiers.Count(d => d.Status == "open").ShouldBe(1, "a lineage has exactly one open dossier");
    }

    [Fact]
    public void Projection_StatusChangeArrivingBeforeTheOpening_IsKept()
    {
        var doc = Replay([Registered, InBehandeling, Opened]);

        StatusOf(doc, SmzDossier).ShouldBe("in-behandeling");
        doc.Dossiers.ShouldHaveSingleItem().OwnerTeam.ShouldBe("arnhem-noord");
    }

    [Fact]
    public void Projection_TransferAndReturn_InAnyOrder_GiveTheSamePictureWithOneOpenDossier()
    {
        IReadOnlyList<IClientEvent> history = [Registered, Opened, InBehandeling, Transfer, Return];
        var expected = Replay(history);
        StatusOf(expected, SmzDossier).ShouldBe("open", "the return reopened the SMZ dossier");
        StatusOf(expected, WbDossier).ShouldBe("closed");

        var random = new Random(7);
        for (var run = 0; run < 300; run++)
        {
            var shuffled = history.OrderBy(_ => random.Next()).ToList();
            var order = string.Join(", ", shuffled.Select(e => e.GetType().Name));
            var doc = Replay(shuffled.Concat(shuffled.Take(random.Next(shuffled.Count))));
            Json(doc).ShouldBe(Json(expected), $"order: {order}");
        }
    }

    [Fact]
    public void DossierStatus_OfTheSameInstant_ResolvesTheSameInEitherArrivalOrder()
    {
        var dossier = new DossierView(SmzDossier, DivisionCode.Smz, "arnhem-noord", "va.1", "open", T0);

        var closedThenOpen = dossier.WithStatus("closed", T0.AddMinutes(1)).WithStatus("open", T0.AddMinutes(1));
        var openThenClosed = dossier.WithStatus("open", T0.AddMinutes(1)).WithStatus("closed", T0.AddMinutes(1));

        closedThenOpen.Status.ShouldBe("closed");
        openThenClosed.ShouldBe(closedThenOpen);
    }

    [Fact]
    public void DossierStatus_FromAnOlderEvent_NeverReplacesANewerOne()
    {
        var dossier = new DossierView(SmzDossier, DivisionCode.Smz, "arnhem-noord", "va.1", "open", T0).WithStatus("closed", T0.AddMinutes(5));

        dossier.WithStatus("open", T0.AddMinutes(4)).Status.ShouldBe("closed");
    }
}
