using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>
/// The edges of the projection's ordering and versioning: handovers, reroutes older than the owner, statuses of the same
/// instant, ties in list order, and events that change nothing leaving the very same picture.
/// </summary>
public sealed class KlantbeeldProjectionEdgeTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid DossierA = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid DossierB = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static KlantbeeldDocument Apply(KlantbeeldDocument? doc, params IClientEvent[] events) =>
        events.Aggregate(doc, KlantbeeldProjection.Apply)!;

    private static HandoverSnapshot Snapshot(Guid handoverId, string state, long version) =>
        new(handoverId, DossierA, DossierA, DivisionCode.Smz, DivisionCode.Werkbedrijf, "arnhem-noord", "SMZ-WB", state, version, T0, null, T0.AddDays(2), 0, true, false);

    [Fact]
    public void Handover_NewerStateWins_InAnyArrivalOrder()
    {
        var id = Guid.NewGuid();
        var requested = new HandoverRequested(Client, Snapshot(id, "requested", 1), "beoordeling afgerond", null, "pb", T0);
        var cancelled = new HandoverCancelled(Client, Snapshot(id, "cancelled", 3), "toch niet", "pb", T0.AddHours(2));

        var inOrder = Apply(null, requested, cancelled);
        var reversed = Apply(null, cancelled, requested);

        reversed.Handovers.ShouldBe(inOrder.Handovers);
        var view = inOrder.Handovers.ShouldHaveSingleItem();
        (view.State, view.Version, view.StateAt, view.DueAt, view.WarmHandoverRequired).ShouldBe(("cancelled", 3L, T0.AddHours(2), (DateTimeOffset?)T0.AddDays(2), true));
        HandoverProjection.OpenHandovers(inOrder).ShouldBeEmpty();
    }

    [Fact]
    public void OpenHandovers_AreThoseNotAcceptedOrCancelled()
    {
        var open = new HandoverRequested(Client, Snapshot(Guid.NewGuid(), "transferred", 2), "r", null, "pb", T0);
        var accepted = new HandoverAccepted(Client, Snapshot(Guid.NewGuid(), "accepted", 4), "aw", T0.AddHours(1));

        var doc = Apply(null, open, accepted);

        doc.Handovers.Count.ShouldBe(2);
        HandoverProjection.OpenHandovers(doc).ShouldHaveSingleItem().State.ShouldBe("transferred");
    }

    [Fact]
    public void DivisionItem_OfTheSameVersion_IsReplacedByTheLaterArrival()
    {
        var id = Guid.NewGuid();
        var first = new UitkeringGranted(id, Client, "WW", new DateOnly(2026, 3, 1), null, 90_000, 1, T0);
        var corrected = new UitkeringGranted(id, Client, "WW", new DateOnly(2026, 3, 1), null, 95_000, 1, T0);

        Apply(null, first, corrected).Uitkeringen.ShouldHaveSingleItem().MonthlyAmountCents.ShouldBe(95_000);
    }

    [Fact]
    public void DivisionEvent_AppliedAgain_LeavesTheVerySamePicture()
    {
        var granted = new UitkeringGranted(Guid.NewGuid(), Client, "WW", new DateOnly(2026, 3, 1), null, 90_000, 1, T0);
        var once = Apply(null, granted);

        KlantbeeldProjection.Apply(once, granted).ShouldBeSameAs(once);
    }

    [Fact]
    public void DossierOpened_AppliedAgain_LeavesTheVerySamePicture()
    {
        var opened = new DossierOpened(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "va", T0);
        var once = Apply(null, opened);

        KlantbeeldProjection.Apply(once, opened).ShouldBeSameAs(once);
    }

    [Fact]
    public void Reroute_AppliedAgain_LeavesTheVerySamePicture()
    {
        var rerouted = new DossierRerouted(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "arnhem-zuid", T0.AddDays(1));
        var once = Apply(null, new DossierOpened(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "va", T0), rerouted);

        KlantbeeldProjection.Apply(once, rerouted).ShouldBeSameAs(once);
    }

    [Fact]
    public void Reroute_OlderThanTheCurrentOwner_ChangesNothing()
    {
        var doc = Apply(null,
            new DossierOpened(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "va", T0),
            new DossierRerouted(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "arnhem-zuid", T0.AddDays(5)),
            new DossierRerouted(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "nijmegen", T0.AddDays(2)));

        var dossier = doc.Dossiers.ShouldHaveSingleItem();
        (dossier.OwnerTeam, dossier.OwnerSince).ShouldBe(("arnhem-zuid", (DateTimeOffset?)T0.AddDays(5)));
    }

    [Fact]
    public void DossierStatus_OlderThanTheOpening_DoesNotReplaceOpen()
    {
        var doc = Apply(null,
            new DossierOpened(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "va", T0.AddHours(1)),
            new DossierStatusChanged(DossierA, Client, DivisionCode.Smz, "open", "closed", "x", "va", 2, T0));

        doc.Dossiers.ShouldHaveSingleItem().Status.ShouldBe("open");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void DossierStatus_TwoOtherThanOpenAtTheSameInstant_TheOrdinalLargerWins_InEitherOrder(bool reversed)
    {
        var closed = new DossierStatusChanged(DossierA, Client, DivisionCode.Smz, "open", "closed", "x", "va", 2, T0.AddHours(1));
        var behandeling = new DossierStatusChanged(DossierA, Client, DivisionCode.Smz, "open", "in-behandeling", "x", "va", 2, T0.AddHours(1));

        var doc = reversed ? Apply(null, behandeling, closed) : Apply(null, closed, behandeling);

        doc.Dossiers.ShouldHaveSingleItem().Status.ShouldBe("in-behandeling");
    }

    [Fact]
    public void Dossiers_OpenedAtTheSameInstant_AreOrderedById_InAnyArrivalOrder()
    {
        var a = new DossierOpened(DossierA, Client, DivisionCode.Smz, "arnhem-noord", "va", T0);
        var b = new DossierOpened(DossierB, Client, DivisionCode.Werkbedrijf, "arnhem-noord", "aw", T0);

        Apply(null, b, a).Dossiers.Select(d => d.DossierId).ShouldBe([DossierA, DossierB]);
        Apply(null, a, b).Dossiers.Select(d => d.DossierId).ShouldBe([DossierA, DossierB]);
    }

    [Fact]
    public void Dossiers_ArrivingByTransfersAtTheSameInstant_AreOrderedById()
    {
        DossierTransferred Move(Guid to) => new(Guid.NewGuid(), Guid.NewGuid(), Client, Guid.NewGuid(), Guid.NewGuid(), to,
            DivisionCode.Smz, DivisionCode.Werkbedrijf, "arnhem-noord", "aw", "transfer", T0);

        var doc = Apply(null, Move(DossierB), Move(DossierA));

        doc.Dossiers.Where(d => d.Status == "open").Select(d => d.DossierId).ShouldBe([DossierA, DossierB]);
    }

    [Fact]
    public void Herbeoordelingsverzoeken_AreOrderedByOpening_ThenPickUp_ThenAnswer()
    {
        var a = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
        var b = Guid.Parse("00000000-0000-0000-0000-0000000000b2");
        var c = Guid.Parse("00000000-0000-0000-0000-0000000000c3");
        var doc = Apply(null,
            new HerbeoordelingsverzoekPickedUp(c, Client, "arnhem-noord", "arts", T0.AddDays(1)),
            new HerbeoordelingsverzoekAnswered(c, Client, "arnhem-noord", false, "x", T0.AddDays(20)),
            new HerbeoordelingsverzoekAnswered(b, Client, "arnhem-noord", false, "x", T0.AddDays(10)),
            new HerbeoordelingsverzoekPickedUp(a, Client, "arnhem-noord", "arts", T0.AddDays(30)),
            new HerbeoordelingsverzoekOpened(a, Client, Guid.NewGuid(), "arnhem-noord", "r", T0));

        doc.Herbeoordelingsverzoeken.Select(v => v.VerzoekId).ShouldBe([a, c, b]);
    }

    [Fact]
    public void Herbeoordelingsverzoeken_OfTheSameMoment_AreOrderedById()
    {
        var a = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
        var b = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

        var doc = Apply(null,
            new HerbeoordelingsverzoekOpened(b, Client, Guid.NewGuid(), "arnhem-noord", "r", T0),
            new HerbeoordelingsverzoekOpened(a, Client, Guid.NewGuid(), "arnhem-noord", "r", T0));

        doc.Herbeoordelingsverzoeken.Select(v => v.VerzoekId).ShouldBe([a, b]);
    }

    [Fact]
    public void Herbeoordelingsverzoek_KnownOnlyFromItsOpeningOrPickUp_HasNoAoChange()
    {
        var opened = Apply(null, new HerbeoordelingsverzoekOpened(DossierA, Client, Guid.NewGuid(), "arnhem-noord", "r", T0));
        var pickedUp = Apply(null, new HerbeoordelingsverzoekPickedUp(DossierB, Client, "arnhem-noord", "arts", T0));

        opened.Herbeoordelingsverzoeken.ShouldHaveSingleItem().ShouldBe(new HerbeoordelingsverzoekView(DossierA, "open", T0, null, null, false, null));
        pickedUp.Herbeoordelingsverzoeken.ShouldHaveSingleItem().ShouldBe(new HerbeoordelingsverzoekView(DossierB, "picked-up", null, T0, null, false, null));
    }

    [Fact]
    public void Worklist_WithADossierAndAnOpenHandover_ListsBoth()
    {
        var doc = KlantbeeldDocument.Empty(Client) with
        {
            Name = "Anna", RegisteredAt = T0, AreaTeam = "arnhem-noord",
            Dossiers = [new DossierView(DossierA, DivisionCode.Smz, "arnhem-noord", "va", "open", T0)],
            Handovers = [new HandoverView(Guid.NewGuid(), DossierA, DivisionCode.Smz, DivisionCode.Werkbedrijf, "requested", T0, T0)],
        };

        Worklist.ItemsOf(doc, Uwv.UnitTests.Calendar.TestCalendar.Office).Select(i => i.Kind).ShouldBe(["dossier", "handover"]);
    }

    [Fact]
    public void StoredDocument_WithoutTheDivisionLists_ReadsEveryListAsEmpty()
    {
        var old = KlantbeeldDocument.Empty(Client) with
        {
            Beoordelingen = null!, Uitkeringen = null!, Voorschotten = null!, Terugvorderingen = null!, Contacts = null!,
            Terugbelverzoeken = null!, Herbeoordelingsverzoeken = null!, Trajecten = null!, Bezwaren = null!, Herkeuringsaanvragen = null!,
        };

        old.Beoordelingen.ShouldBeEmpty();
        old.Uitkeringen.ShouldBeEmpty();
        old.Voorschotten.ShouldBeEmpty();
        old.Terugvorderingen.ShouldBeEmpty();
        old.Contacts.ShouldBeEmpty();
        old.Terugbelverzoeken.ShouldBeEmpty();
        old.Herbeoordelingsverzoeken.ShouldBeEmpty();
        old.Trajecten.ShouldBeEmpty();
        old.Bezwaren.ShouldBeEmpty();
        old.Herkeuringsaanvragen.ShouldBeEmpty();
    }
}
