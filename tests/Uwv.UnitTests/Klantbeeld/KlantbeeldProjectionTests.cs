using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>The projection is a pure function: duplicated or reordered events give the same picture.</summary>
public sealed class KlantbeeldProjectionTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-1111-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid SmzDossier = Guid.Parse("00000000-0000-0000-0000-0000000000d1");

    private static IReadOnlyList<IClientEvent> History() =>
    [
        new ClientRegistered(Client, "123456782", "Anna de Vries", new DateOnly(1975, 3, 14), "6821AB", "arnhem-noord", T0),
        new DossierOpened(SmzDossier, Client, DivisionCode.Smz, "arnhem-noord", "va.1", T0.AddMinutes(1)),
        new BeoordelingRecorded(Guid.Parse("00000000-0000-0000-0000-0000000000b1"), Client, "WIA-claimbeoordeling", "35-80%", "Halve dagen", new DateOnly(2026, 11, 1), T0.AddMinutes(2)),
        new ClientMoved(Client, "6821AB", "6836CD", "arnhem-noord", "arnhem-zuid", "pb.1", T0.AddMinutes(3)),
        new DossierRerouted(SmzDossier, Client, DivisionCode.Smz, "arnhem-noord", "arnhem-zuid", T0.AddMinutes(4)),
    ];

    private static KlantbeeldDocument Replay(IEnumerable<IClientEvent> events) =>
        events.Aggregate((KlantbeeldDocument?)null, KlantbeeldProjection.Apply)!;

    private static string Json(KlantbeeldDocument doc) => System.Text.Json.JsonSerializer.Serialize(doc);

    [Fact]
    public void Projection_InOrder_BuildsThePicture()
    {
        var doc = Replay(History());
        doc.Name.ShouldBe("Anna de Vries");
        doc.Postcode.ShouldBe("6836CD");
        doc.AreaTeam.ShouldBe("arnhem-zuid");
        doc.Beoordelingen.ShouldHaveSingleItem().AoKlasse.ShouldBe("35-80%");
        doc.Dossiers.ShouldHaveSingleItem().OwnerTeam.ShouldBe("arnhem-zuid");
        doc.Moves.ShouldHaveSingleItem().NewAreaTeam.ShouldBe("arnhem-zuid");
    }

    [Fact]
    public void Projection_EveryEventTwice_GivesTheSamePicture()
    {
        var once = Replay(History());
        var twice = Replay(History().SelectMany(e => new[] { e, e }));
        Json(twice).ShouldBe(Json(once));
    }

    [Fact]
    public void Projection_InAnyOrder_GivesTheSamePicture()
    {
        var expected = Json(Replay(History()));
        var random = new Random(42);
        for (var run = 0; run < 200; run++)
        {
            var shuffled = History().OrderBy(_ => random.Next()).ToList();
            Json(Replay(shuffled)).ShouldBe(expected, $"order: {string.Join(", ", shuffled.Select(e => e.GetType().Name))}");
        }
    }

    [Fact]
    public void Projection_LateDuplicateOfOpening_DoesNotRollBackTheReroute()
    {
        var doc = Replay(History().Append(History()[1]));
        doc.Dossiers.ShouldHaveSingleItem().OwnerTeam.ShouldBe("arnhem-zuid");
    }

    [Fact]
    public void Worklist_OfPicture_ListsOpenWorkUnderTheClientsTeam()
    {
        var doc = Replay(History());
        var items = Worklist.ItemsOf(doc, Uwv.UnitTests.Calendar.TestCalendar.Office);
        items.ShouldContain(i => i.Kind == "dossier" && i.Division == DivisionCode.Smz && i.ClientName == "Anna de Vries");
    }

    [Fact]
    public void Worklist_OrdersNearestDeadlineFirst_AndUndatedWorkLast()
    {
        var dated = new WorkItem("a", Client, "", "callback", DivisionCode.Uitkeren, "", T0.AddDays(2), "", T0);
        var sooner = new WorkItem("b", Client, "", "callback", DivisionCode.Uitkeren, "", T0.AddDays(1), "", T0);
        var undatedOld = new WorkItem("c", Client, "", "dossier", DivisionCode.Smz, "", null, "", T0.AddYears(-1));
        var undatedNew = new WorkItem("d", Client, "", "dossier", DivisionCode.Smz, "", null, "", T0);
        new[] { undatedNew, dated, undatedOld, sooner }.OrderBy(i => i.Score).Select(i => i.Key).ShouldBe(["b", "a", "c", "d"]);
    }
}
