using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;
using Uwv.UnitTests.Calendar;
using static Uwv.UnitTests.Deadlines.NormTermsTests;

namespace Uwv.UnitTests.Deadlines;

/// <summary>The klantbeeld's projection of the norm deadlines onto the area team's worklist.</summary>
public sealed class NormWorklistTests
{
    private static readonly Guid Client = Guid.NewGuid();
    private static readonly Guid Deadline = Guid.NewGuid();
    private static readonly Guid Subject = Guid.NewGuid();
    private static readonly DateTimeOffset Due = At(2026, 3, 3, 10);

    private static KlantbeeldDocument Registered() => KlantbeeldProjection.Apply(null,
        new ClientRegistered(Client, "111222333", "Jan Jansen", new DateOnly(1980, 5, 1), "6821 AB", "arnhem-noord", At(2026, 3, 1, 9)));

    private static KlantbeeldDocument Apply(params IClientEvent[] events) => events.Aggregate(Registered(), KlantbeeldProjection.Apply);

    private static NormDeadlineSet Set(string norm = Norms.Terugbelverzoek, DateTimeOffset? due = null, DateTimeOffset? at = null) =>
        new(Deadline, Client, norm, "", Subject, DivisionCode.Uitkeren, "arnhem-noord", null, due ?? Due, at ?? At(2026, 3, 2, 10));

    private static NormDeadlineWarned Warned() => new(Deadline, Client, Norms.Terugbelverzoek, "", Subject, DivisionCode.Uitkeren, "arnhem-noord", Due, At(2026, 3, 3, 6));

    private static NormDeadlineEscalated Escalated(string norm = Norms.Terugbelverzoek) =>
        new(Deadline, Client, norm, "", Subject, DivisionCode.Uitkeren, "arnhem-noord", "teamleider", Due, At(2026, 3, 3, 10, 1));

    private static NormDeadlineResolved Resolved() => new(Deadline, Client, Norms.Terugbelverzoek, "", Subject, DivisionCode.Uitkeren, "arnhem-noord",
        Due, At(2026, 3, 3, 11), NormOutcomes.Late, false, true, At(2026, 3, 3, 11));

    private static IReadOnlyList<WorkItem> Items(KlantbeeldDocument doc) => Worklist.ItemsOf(doc, TestCalendar.Office);

    [Fact]
    public void EscalatedDeadline_IsAnEscalationItemOnTheTeamsWorklist()
    {
        var item = Items(Apply(Set(), Escalated())).ShouldHaveSingleItem();
        (item.Kind, item.Division, item.DueAt).ShouldBe((WorkItems.EscalationKind, (DivisionCode?)DivisionCode.Uitkeren, (DateTimeOffset?)Due));
        item.Title.ShouldContain("Escalatie teamleider");
    }

    [Fact]
    public void EscalatedBeslistermijn_NamesTheDwangsomRisk() =>
        Items(Apply(Set(Norms.Beslistermijn), Escalated(Norms.Beslistermijn))).ShouldHaveSingleItem().Title.ShouldContain("dwangsomrisico");

    [Fact]
    public void ResolvedDeadline_ClearsTheEscalation_InAnyArrivalOrder()
    {
        Items(Apply(Set(), Escalated(), Resolved())).ShouldBeEmpty();
        Items(Apply(Resolved(), Escalated(), Set())).ShouldBeEmpty();
    }

    [Fact]
    public void NormEvents_AppliedTwice_LeaveTheSamePicture()
    {
        var events = new IClientEvent[] { Set(), Warned(), Escalated() };
        var once = Apply(events);
        var twice = events.Aggregate(once, KlantbeeldProjection.Apply);
        twice.NormDeadlines.ShouldBe(once.NormDeadlines);
        Items(twice).ShouldBe(Items(once));
    }

    [Fact]
    public void MovedDeadline_TheNewestSetWins_InAnyArrivalOrder()
    {
        var first = Set(Norms.Beslistermijn, At(2026, 5, 26, 17), At(2026, 3, 20, 9));
        var moved = Set(Norms.Beslistermijn, At(2026, 7, 6, 17), At(2026, 4, 20, 9));
        Apply(first, moved).NormDeadlines.ShouldHaveSingleItem().DueAt.ShouldBe(At(2026, 7, 6, 17));
        Apply(moved, first).NormDeadlines.ShouldHaveSingleItem().DueAt.ShouldBe(At(2026, 7, 6, 17));
    }

    [Fact]
    public void WarnedTerugbelverzoek_IsMarkedOnItsOwnItem()
    {
        var created = new TerugbelverzoekCreated(Subject, Client, DivisionCode.Uitkeren, "arnhem-noord", "WW-vraag", false, At(2026, 3, 2, 10), Due, null, 1, At(2026, 3, 2, 10));
        Items(Apply(created, Set())).ShouldHaveSingleItem().Title.ShouldNotContain(WorkItems.WarnedMark);
        var item = Items(Apply(created, Set(), Warned())).ShouldHaveSingleItem();
        (item.Kind, item.Title).ShouldBe(("terugbelverzoek", "Terugbellen: WW-vraag" + WorkItems.WarnedMark));
    }

    [Fact]
    public void OpenHerbeoordelingsverzoek_ShowsItsDueDateToSmzAndToWerkbedrijf()
    {
        var set = new NormDeadlineSet(Deadline, Client, Norms.Herbeoordelingsverzoek, "", Subject, DivisionCode.Smz, "arnhem-noord",
            At(2026, 3, 12, 8), At(2026, 3, 16, 17), At(2026, 3, 2, 10));
        var items = Items(Apply(set));
        items.Select(i => i.Division).ShouldBe([DivisionCode.Smz, DivisionCode.Werkbedrijf], ignoreOrder: true);
        items.ShouldAllBe(i => i.DueAt == At(2026, 3, 16, 17) && i.Kind == "herbeoordelingsverzoek");
    }

    [Fact]
    public void YearlyWga80100Contact_IsSmzsItem() =>
        Items(Apply(Set(Norms.Wga80100Contact, At(2027, 3, 10, 17)))).ShouldHaveSingleItem().Kind.ShouldBe("wga-80-100-contact");
}
