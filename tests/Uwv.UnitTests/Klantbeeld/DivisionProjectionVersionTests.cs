using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>Each division item in the picture is replaced only by a version at least as new, and each list keeps one order.</summary>
public sealed class DivisionProjectionVersionTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateOnly Day(int day) => new(2026, 3, day);

    private static KlantbeeldDocument Apply(params IClientEvent[] events) =>
        events.Aggregate(KlantbeeldDocument.Empty(Client), (doc, e) => KlantbeeldProjection.Apply(doc, e));

    [Fact]
    public void Uitkering_EndedThenAnOlderGrant_StaysEnded()
    {
        var doc = Apply(
            new UitkeringEnded(Id, Client, "WW", Day(1), Day(31), 90_000, 2, T0.AddDays(30)),
            new UitkeringGranted(Id, Client, "WW", Day(1), null, 90_000, 1, T0));

        doc.Uitkeringen.ShouldHaveSingleItem().ShouldBe(new UitkeringView(Id, "WW", Day(1), Day(31), 90_000, 2));
    }

    [Fact]
    public void Voorschot_NewerVersion_Replaces_OlderDoesNot()
    {
        var offered = new VoorschotOffered(Id, Client, Day(5), 50_000, "aangeboden", 0, null, null, 1, T0);
        var settled = new VoorschotUpdated(Id, Client, Day(5), 50_000, "verrekend", 2, Day(10), Day(20), 3, T0.AddDays(18));

        Apply(offered, settled).Voorschotten.ShouldHaveSingleItem().ShouldBe(new VoorschotView(Id, "verrekend", Day(5), 50_000, 2, Day(10), Day(20), 3));
        Apply(settled, offered).Voorschotten.ShouldHaveSingleItem().Status.ShouldBe("verrekend");
    }

    [Fact]
    public void Terugbelverzoek_CompletedThenTheLateCreation_StaysCompleted()
    {
        var created = new TerugbelverzoekCreated(Id, Client, DivisionCode.Uitkeren, "arnhem-noord", "WW-vraag", true, T0, T0.AddHours(4), null, 1, T0);
        var completed = new TerugbelverzoekCompleted(Id, Client, DivisionCode.Uitkeren, "arnhem-noord", "WW-vraag", true, T0, T0.AddHours(4), T0.AddHours(2), 2, T0.AddHours(2));

        Apply(completed, created).Terugbelverzoeken.ShouldHaveSingleItem().CompletedAt.ShouldBe(T0.AddHours(2));
    }

    [Fact]
    public void Traject_UpdatedThenTheLateStart_KeepsTheUpdate()
    {
        var started = new ReintegratietrajectStarted(Id, Client, Guid.NewGuid(), "contact-maken", 0, 0, 1, T0);
        var updated = new ReintegratietrajectUpdated(Id, Client, Guid.NewGuid(), "plaatsing", 3, 2, 4, T0.AddDays(40));

        Apply(updated, started).Trajecten.ShouldHaveSingleItem().ShouldBe(new TrajectView(Id, "plaatsing", 3, 2, 4));
    }

    [Fact]
    public void Herkeuring_CalledThenTheLateReceipt_StaysCalled()
    {
        var received = new HerkeuringsaanvraagReceived(Id, Client, "arnhem-noord", Day(2), Day(4), null, 1, T0);
        var called = new HerkeuringCallRecorded(Id, Client, "arnhem-noord", Day(2), Day(4), Day(3), 2, T0.AddDays(1));

        Apply(called, received).Herkeuringsaanvragen.ShouldHaveSingleItem().CalledOn.ShouldBe(Day(3));
    }

    [Fact]
    public void Terugvordering_RecordedAgainLater_TakesTheNewerAmount_AndAnOlderRecordDoesNot()
    {
        var first = new TerugvorderingRecorded(Id, Client, null, 10_000, "te veel betaald", Day(5), T0);
        var corrected = new TerugvorderingRecorded(Id, Client, null, 8_000, "te veel betaald", Day(6), T0.AddDays(1));

        Apply(first, corrected).Terugvorderingen.ShouldHaveSingleItem().AmountCents.ShouldBe(8_000);
        Apply(corrected, first).Terugvorderingen.ShouldHaveSingleItem().AmountCents.ShouldBe(8_000);
    }

    [Fact]
    public void DivisionItems_AreListedInTheirOwnOrder_WhateverTheArrivalOrder()
    {
        var early = new BeoordelingRecorded(Guid.NewGuid(), Client, "herbeoordeling", "80-100%", "", new DateOnly(2025, 6, 1), T0.AddDays(5));
        var late = new BeoordelingRecorded(Guid.NewGuid(), Client, "WIA-claimbeoordeling", "35-80%", "", new DateOnly(2026, 2, 1), T0);
        var firstHerkeuring = new HerkeuringsaanvraagReceived(Guid.NewGuid(), Client, "arnhem-noord", Day(2), Day(4), null, 1, T0);
        var secondHerkeuring = new HerkeuringsaanvraagReceived(Guid.NewGuid(), Client, "arnhem-noord", Day(9), Day(11), null, 1, T0);

        var doc = Apply(late, early, secondHerkeuring, firstHerkeuring);

        doc.Beoordelingen.Select(b => b.DecisionDate.Year).ShouldBe([2025, 2026]);
        doc.Herkeuringsaanvragen.Select(h => h.ReceivedOn).ShouldBe([Day(2), Day(9)]);
    }

    [Fact]
    public void Contacts_ExactlyTheMaximum_AreAllKept()
    {
        var events = Enumerable.Range(0, DivisionProjection.MaxContacts).Select(i =>
            (IClientEvent)new ContactLogged(Guid.NewGuid(), Client, DivisionCode.Smz, "arnhem-noord", "telefoon", $"contact {i}", true, "pb", T0.AddMinutes(i), T0.AddMinutes(i)));

        var doc = Apply(events.ToArray());

        doc.Contacts.Count.ShouldBe(DivisionProjection.MaxContacts);
        doc.Contacts[0].Subject.ShouldBe("contact 0");
    }

    [Fact]
    public void Herbeoordelingsverzoek_TheSameEventTwice_LeavesThePictureAsItWas()
    {
        var opened = new HerbeoordelingsverzoekOpened(Id, Client, Guid.NewGuid(), "arnhem-noord", "reden", T0);
        var once = Apply(opened);

        KlantbeeldProjection.Apply(once, opened).ShouldBeSameAs(once);
    }

    [Fact]
    public void Herbeoordelingsverzoek_AnsweredAfterPickUp_MovesForward()
    {
        var doc = Apply(
            new HerbeoordelingsverzoekOpened(Id, Client, Guid.NewGuid(), "arnhem-noord", "reden", T0),
            new HerbeoordelingsverzoekPickedUp(Id, Client, "arnhem-noord", "arts", T0.AddDays(1)),
            new HerbeoordelingsverzoekAnswered(Id, Client, "arnhem-noord", false, "geen wijziging", T0.AddDays(3)));

        doc.Herbeoordelingsverzoeken.ShouldHaveSingleItem()
            .ShouldBe(new HerbeoordelingsverzoekView(Id, "answered", T0, T0.AddDays(1), T0.AddDays(3), false, "geen wijziging"));
    }

    [Fact]
    public void Herbeoordelingsverzoeken_OfWhichOnlySmzEventsArrived_AreOrderedByTheirFirstKnownMoment()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var doc = Apply(
            new HerbeoordelingsverzoekAnswered(a, Client, "arnhem-noord", true, "x", T0.AddDays(9)),
            new HerbeoordelingsverzoekPickedUp(b, Client, "arnhem-noord", "arts", T0.AddDays(2)));

        doc.Herbeoordelingsverzoeken.Select(v => v.VerzoekId).ShouldBe([b, a]);
    }

    [Fact]
    public void DossierStatusChanged_BeforeTheOpening_CreatesTheDossierWithThatStatus()
    {
        var doc = Apply(new DossierStatusChanged(Id, Client, DivisionCode.Uitkeren, "open", "closed", "afgerond", "ud", 2, T0.AddDays(1)));

        var dossier = doc.Dossiers.ShouldHaveSingleItem();
        (dossier.Division, dossier.Status, dossier.StatusAt).ShouldBe((DivisionCode.Uitkeren, "closed", T0.AddDays(1)));
    }

    [Fact]
    public void DossierStatusChanged_Twice_LeavesThePictureAsItWas()
    {
        var change = new DossierStatusChanged(Id, Client, DivisionCode.Uitkeren, "open", "closed", "afgerond", "ud", 2, T0.AddDays(1));
        var once = Apply(change);

        KlantbeeldProjection.Apply(once, change).ShouldBeSameAs(once);
    }
}
