using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>The open work a picture puts on its area team's worklist, with its deadline and who must act.</summary>
public sealed class WorklistTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-2222-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
    private static readonly string Key = Client.ToString("N");

    private static readonly KlantbeeldDocument Registered =
        KlantbeeldDocument.Empty(Client) with { Name = "Anna de Vries", RegisteredAt = T0, AreaTeam = "arnhem-noord" };

    /// <summary>17:00 in Amsterdam on <paramref name="day"/> (winter time in these tests: UTC+1).</summary>
    private static DateTimeOffset EndOfDay(int month, int day) => new(2026, month, day, 17, 0, 0, TimeSpan.FromHours(1));

    private static BezwaarView Bezwaar(string status, DateOnly? contactedOn, DateOnly? beslistermijnEndsOn) =>
        new(Id, DivisionCode.Uitkeren, new DateOnly(2026, 3, 2), beslistermijnEndsOn, status, null, new DateOnly(2026, 3, 9), contactedOn, null, null, 1);

    [Fact]
    public void Worklist_OfAPictureWithoutTeamOrRegistration_IsEmpty()
    {
        var dossier = new DossierView(Id, DivisionCode.Smz, "arnhem-noord", "va.1", "open", T0);

        Worklist.ItemsOf(null, TestCalendar.Office).ShouldBeEmpty();
        Worklist.ItemsOf(Registered with { AreaTeam = null, Dossiers = [dossier] }, TestCalendar.Office).ShouldBeEmpty();
        Worklist.ItemsOf(Registered with { RegisteredAt = null, Dossiers = [dossier] }, TestCalendar.Office).ShouldBeEmpty();
        Worklist.ItemsOf(Registered with { Dossiers = [dossier] }, TestCalendar.Office).ShouldHaveSingleItem();
    }

    [Fact]
    public void Worklist_ListsOnlyOpenDossiers_WithTheirOwner()
    {
        var open = new DossierView(Id, DivisionCode.Smz, "arnhem-noord", "va.1", "open", T0);
        var closed = new DossierView(Guid.NewGuid(), DivisionCode.Werkbedrijf, "arnhem-noord", "aw.1", "closed", T0);

        var item = Worklist.ItemsOf(Registered with { Dossiers = [open, closed] }, TestCalendar.Office).ShouldHaveSingleItem();

        item.ShouldBe(new WorkItem($"{Key}:dossier:{Id:N}", Client, "Anna de Vries", "dossier", DivisionCode.Smz, "va.1", null, "Dossier SMZ", T0));
    }

    [Fact]
    public void Worklist_OrdersByDeadline_ThenUndatedWorkByAge()
    {
        var doc = Registered with
        {
            Dossiers = [new DossierView(Id, DivisionCode.Smz, "arnhem-noord", "", "open", T0)],
            Terugbelverzoeken =
            [
                new TerugbelverzoekView(Guid.NewGuid(), DivisionCode.Uitkeren, "later", false, T0.AddDays(2), null, 1),
                new TerugbelverzoekView(Guid.NewGuid(), DivisionCode.Uitkeren, "eerst", false, T0.AddDays(1), null, 1),
            ],
        };

        Worklist.ItemsOf(doc, TestCalendar.Office).Select(i => i.Title).ShouldBe(["Terugbellen: eerst", "Terugbellen: later", "Dossier SMZ"]);
    }

    [Fact]
    public void Worklist_ItemsWithTheSameDeadline_AreOrderedByKey()
    {
        var a = Guid.Parse("00000000-0000-0000-0000-00000000000a");
        var b = Guid.Parse("00000000-0000-0000-0000-00000000000b");
        var doc = Registered with
        {
            Terugbelverzoeken =
            [
                new TerugbelverzoekView(b, DivisionCode.Uitkeren, "b", false, T0.AddDays(1), null, 1),
                new TerugbelverzoekView(a, DivisionCode.Uitkeren, "a", false, T0.AddDays(1), null, 1),
            ],
        };

        Worklist.ItemsOf(doc, TestCalendar.Office).Select(i => i.Title).ShouldBe(["Terugbellen: a", "Terugbellen: b"]);
    }

    [Fact]
    public void Terugbelverzoek_Open_IsDueAtItsDeadline_AndACompletedOneIsGone()
    {
        var doc = Registered with
        {
            Terugbelverzoeken =
            [
                new TerugbelverzoekView(Id, DivisionCode.Uitkeren, "WW-vraag", true, T0.AddHours(4), null, 1),
                new TerugbelverzoekView(Guid.NewGuid(), DivisionCode.Uitkeren, "klaar", false, T0.AddHours(2), T0.AddHours(1), 2),
            ],
        };

        var item = WorkItems.Divisions(doc, TestCalendar.Office).ShouldHaveSingleItem();

        item.ShouldBe(new WorkItem($"{Key}:terugbel:{Id:N}", Client, "Anna de Vries", "terugbelverzoek", DivisionCode.Uitkeren, "",
            T0.AddHours(4), "Terugbellen: WW-vraag", T0.AddHours(4)));
    }

    [Fact]
    public void Bezwaar_NotYetContacted_PutsTheContactTermAndTheBeslistermijnOnTheList()
    {
        var doc = Registered with { Bezwaren = [Bezwaar("in-behandeling", null, new DateOnly(2026, 4, 28))] };

        var items = WorkItems.Divisions(doc, TestCalendar.Office).ToList();

        items.Count.ShouldBe(2);
        items[0].ShouldBe(new WorkItem($"{Key}:bezwaar-contact:{Id:N}", Client, "Anna de Vries", "bezwaar-contact", DivisionCode.BezwaarBeroep, "",
            EndOfDay(3, 9), "Contact opnemen over bezwaar (5 werkdagen)", EndOfDay(3, 2)));
        items[1].ShouldBe(new WorkItem($"{Key}:bezwaar-termijn:{Id:N}", Client, "Anna de Vries", "bezwaar-beslistermijn", DivisionCode.BezwaarBeroep, "",
            new DateTimeOffset(2026, 4, 28, 17, 0, 0, TimeSpan.FromHours(2)), "Beslissen op bezwaar (beslistermijn)", EndOfDay(3, 2)));
    }

    [Fact]
    public void Bezwaar_Contacted_WithTheTermSuspended_PutsNothingOnTheList_AndADecidedOneNeither()
    {
        var contacted = Registered with { Bezwaren = [Bezwaar("in-behandeling", new DateOnly(2026, 3, 4), null)] };
        var decided = Registered with { Bezwaren = [Bezwaar("beslist", null, new DateOnly(2026, 4, 28))] };

        WorkItems.Divisions(contacted, TestCalendar.Office).ShouldBeEmpty();
        WorkItems.Divisions(decided, TestCalendar.Office).ShouldBeEmpty();
    }

    [Fact]
    public void Herkeuring_NotYetCalled_IsDueAtTheEndOfTheCallDay_AndACalledOneIsGone()
    {
        var doc = Registered with
        {
            Herkeuringsaanvragen =
            [
                new HerkeuringView(Id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4), null, 1),
                new HerkeuringView(Guid.NewGuid(), new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4), new DateOnly(2026, 3, 3), 2),
            ],
        };

        var item = WorkItems.Divisions(doc, TestCalendar.Office).ShouldHaveSingleItem();

        item.ShouldBe(new WorkItem($"{Key}:herkeuring:{Id:N}", Client, "Anna de Vries", "herkeuring-bellen", DivisionCode.Smz, "",
            EndOfDay(3, 4), "Cliënt bellen over herkeuringsaanvraag", EndOfDay(3, 2)));
    }

    [Fact]
    public void WorkItems_OfAPictureWithoutName_CarryAnEmptyName()
    {
        var doc = KlantbeeldDocument.Empty(Client) with { Herkeuringsaanvragen = [new HerkeuringView(Id, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 4), null, 1)] };

        WorkItems.Divisions(doc, TestCalendar.Office).ShouldHaveSingleItem().ClientName.ShouldBe("");
        WorkItems.Handovers(doc with { Handovers = [Handover("requested")] }).ShouldHaveSingleItem().ClientName.ShouldBe("");
    }

    private static HandoverView Handover(string state, bool casusoverleg = false) =>
        new(Id, Guid.NewGuid(), DivisionCode.Smz, DivisionCode.Werkbedrijf, state, T0, T0) { DueAt = T0.AddDays(2), Casusoverleg = casusoverleg };

    [Theory]
    [InlineData("transferred", DivisionCode.Werkbedrijf)]
    [InlineData("escalated", DivisionCode.Werkbedrijf)]
    [InlineData("requested", DivisionCode.Smz)]
    [InlineData("nazorg-pending", DivisionCode.Smz)]
    [InlineData("ready", DivisionCode.Smz)]
    [InlineData("returned", DivisionCode.Smz)]
    public void Handover_Open_WaitsForTheDivisionThatMustAct(string state, DivisionCode waitsFor)
    {
        var item = WorkItems.Handovers(Registered with { Handovers = [Handover(state)] }).ShouldHaveSingleItem();

        item.ShouldBe(new WorkItem($"{Key}:handover:{Id:N}", Client, "Anna de Vries", "handover", waitsFor, "", T0.AddDays(2),
            $"Overdracht SMZ → Werkbedrijf ({WorkItems.HandoverStateName(state)})", T0) { Stand = state });
    }

    [Theory]
    [InlineData("accepted")]
    [InlineData("cancelled")]
    public void Handover_Closed_IsNotOnTheList(string state) =>
        WorkItems.Handovers(Registered with { Handovers = [Handover(state)] }).ShouldBeEmpty();

    [Fact]
    public void Handover_FlaggedForCasusoverleg_SaysSo() =>
        WorkItems.Handovers(Registered with { Handovers = [Handover("escalated", casusoverleg: true)] }).ShouldHaveSingleItem()
            .Title.ShouldBe("Overdracht SMZ → Werkbedrijf (geëscaleerd) — casusoverleg");

    [Fact]
    public void WorkItem_WithoutDeadline_SortsAfterEveryRealDeadline_OldestFirst()
    {
        var undated = new WorkItem("u", Client, "", "dossier", null, "", null, "", T0);
        var farDeadline = new WorkItem("d", Client, "", "dossier", null, "", new DateTimeOffset(2999, 1, 1, 0, 0, 0, TimeSpan.Zero), "", T0);

        undated.Score.ShouldBe(WorkItem.NoDeadlineBase + T0.ToUnixTimeMilliseconds());
        farDeadline.Score.ShouldBeLessThan(undated.Score);
        (undated with { Since = T0.AddDays(1) }).Score.ShouldBeGreaterThan(undated.Score);
    }

    [Theory]
    [InlineData("requested", "aangevraagd")]
    [InlineData("nazorg-pending", "wacht op nazorg")]
    [InlineData("ready", "klaar voor overdracht")]
    [InlineData("transferred", "overgedragen, wacht op acceptatie")]
    [InlineData("escalated", "geëscaleerd")]
    [InlineData("returned", "teruggestuurd")]
    [InlineData("accepted", "geaccepteerd")]
    [InlineData("cancelled", "ingetrokken")]
    public void WorklistTitle_NamesTheHandoverStateInDutch(string state, string dutch) =>
        WorkItems.HandoverStateName(state).ShouldBe(dutch);
}
