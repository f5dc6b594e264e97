using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Divisions.Klantbeeld;

public sealed class DivisionProjectionTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static KlantbeeldDocument Apply(params IClientEvent[] events) =>
        events.Aggregate(KlantbeeldDocument.Empty(Client), (doc, e) => KlantbeeldProjection.Apply(doc, e));

    private static BezwaarUpdated Bezwaar(Guid id, long version, string status, DateOnly? deadline) =>
        new(id, Client, "arnhem-noord", DivisionCode.Uitkeren, D("2026-03-20"), D("2026-03-27"), null, deadline, status, null, null, null, "x", version, T0.AddHours(version));

    [Fact]
    public void Bezwaar_OutOfOrderUpdates_TheNewestVersionWins()
    {
        var id = Guid.NewGuid();
        var newer = Bezwaar(id, 3, "beslist", D("2026-07-06"));
        var older = Bezwaar(id, 2, "in-behandeling", D("2026-05-26"));
        var doc = Apply(newer, older);
        doc.Bezwaren.ShouldHaveSingleItem().Status.ShouldBe("beslist");
        doc.Bezwaren[0].BeslistermijnEndsOn.ShouldBe(D("2026-07-06"));
    }

    [Fact]
    public void DivisionEvents_AppliedTwice_LeaveTheSamePicture()
    {
        var events = new IClientEvent[]
        {
            new UitkeringGranted(Guid.NewGuid(), Client, "WIA-WGA", D("2026-01-01"), null, 150_000, 1, T0),
            new ContactLogged(Guid.NewGuid(), Client, DivisionCode.Smz, "arnhem-noord", "telefoon", "Nazorg", true, "pb", T0, T0),
            new TerugbelverzoekCreated(Guid.NewGuid(), Client, DivisionCode.Uitkeren, "arnhem-noord", "WW-vraag", true, T0, T0.AddHours(4), null, 1, T0),
            new ReintegratietrajectStarted(Guid.NewGuid(), Client, Guid.NewGuid(), "contact-maken", 0, 0, 1, T0),
        };
        var once = Apply(events);
        var twice = events.Aggregate(once, (doc, e) => KlantbeeldProjection.Apply(doc, e));
        twice.Uitkeringen.ShouldBe(once.Uitkeringen);
        twice.Contacts.ShouldBe(once.Contacts);
        twice.Terugbelverzoeken.ShouldBe(once.Terugbelverzoeken);
        twice.Trajecten.ShouldBe(once.Trajecten);
    }

    [Fact]
    public void Herbeoordelingsverzoek_AnswerBeforePickUp_StaysAnswered()
    {
        var id = Guid.NewGuid();
        var doc = Apply(
            new HerbeoordelingsverzoekOpened(id, Client, Guid.NewGuid(), "arnhem-noord", "Belastbaarheid lijkt veranderd", T0),
            new HerbeoordelingsverzoekAnswered(id, Client, "arnhem-noord", true, "AO% gewijzigd", T0.AddDays(9)),
            new HerbeoordelingsverzoekPickedUp(id, Client, "arnhem-noord", "arts", T0.AddDays(2)));
        var verzoek = doc.Herbeoordelingsverzoeken.ShouldHaveSingleItem();
        verzoek.State.ShouldBe("answered");
        verzoek.OpenedAt.ShouldBe(T0);
        verzoek.PickedUpAt.ShouldBe(T0.AddDays(2));
        verzoek.AoChanged.ShouldBeTrue();
    }

    [Fact]
    public void Herbeoordelingsverzoek_SmzEventsBeforeTheOpening_StillGiveTheWholeVerzoek()
    {
        var id = Guid.NewGuid();
        var doc = Apply(
            new HerbeoordelingsverzoekPickedUp(id, Client, "arnhem-noord", "arts", T0.AddDays(2)),
            new HerbeoordelingsverzoekOpened(id, Client, Guid.NewGuid(), "arnhem-noord", "reden", T0));
        var verzoek = doc.Herbeoordelingsverzoeken.ShouldHaveSingleItem();
        verzoek.State.ShouldBe("picked-up");
        verzoek.OpenedAt.ShouldBe(T0);
    }

    [Fact]
    public void Samenloop_EveryUitkeringIsInThePicture_InStartOrder()
    {
        var doc = Apply(
            new UitkeringGranted(Guid.NewGuid(), Client, "WIA-WGA", D("2026-03-01"), null, 150_000, 1, T0),
            new UitkeringGranted(Guid.NewGuid(), Client, "WW", D("2026-01-01"), D("2026-12-31"), 90_000, 1, T0));
        doc.Uitkeringen.Select(u => u.Type).ShouldBe(["WW", "WIA-WGA"]);
    }

    [Fact]
    public void Contacts_OnlyTheMostRecentAreKept()
    {
        var events = Enumerable.Range(0, DivisionProjection.MaxContacts + 5).Select(i =>
            (IClientEvent)new ContactLogged(Guid.NewGuid(), Client, DivisionCode.Uitkeren, "arnhem-noord", "telefoon", $"contact {i}", true, "u", T0.AddMinutes(i), T0.AddMinutes(i)));
        var doc = Apply(events.ToArray());
        doc.Contacts.Count.ShouldBe(DivisionProjection.MaxContacts);
        doc.Contacts[^1].Subject.ShouldBe($"contact {DivisionProjection.MaxContacts + 4}");
        doc.Contacts[0].Subject.ShouldBe("contact 5");
    }

    [Fact]
    public void DossierStatusChanged_UpdatesTheDossierInThePicture()
    {
        var dossier = Guid.NewGuid();
        var doc = Apply(
            new DossierOpened(dossier, Client, DivisionCode.Werkbedrijf, "arnhem-noord", "adviseur", T0),
            new DossierStatusChanged(dossier, Client, DivisionCode.Werkbedrijf, "open", "in-behandeling", "gestart", "adviseur", 2, T0.AddHours(1)));
        doc.Dossiers.ShouldHaveSingleItem().Status.ShouldBe("in-behandeling");
    }

    [Fact]
    public void DivisionLists_MissingFromAStoredDocument_ReadAsEmpty()
    {
        // What a JSON reader does with a document stored before these lists existed: it sets them to null.
        var old = KlantbeeldDocument.Empty(Client) with { Uitkeringen = null!, Trajecten = null!, Bezwaren = null! };
        old.Uitkeringen.ShouldBeEmpty();
        var doc = KlantbeeldProjection.Apply(old, new ReintegratietrajectStarted(Guid.NewGuid(), Client, Guid.NewGuid(), "contact-maken", 0, 0, 1, T0));
        doc.Trajecten.ShouldHaveSingleItem();
    }
}
