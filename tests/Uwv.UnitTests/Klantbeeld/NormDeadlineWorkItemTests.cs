using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>
/// A norm deadline in the picture keeps the first moment it was warned, escalated and resolved; on the worklist a warned
/// deadline is marked until it escalates, and only the beslistermijn's escalation names the dwangsom risk.
/// </summary>
public sealed class NormDeadlineWorkItemTests
{
    private static readonly Guid Client = Guid.Parse("0b7f7a3e-4444-4c5d-9a1e-0a0b0c0d0e0f");
    private static readonly Guid Deadline = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
    private static readonly Guid Subject = Guid.Parse("00000000-0000-0000-0000-0000000000c2");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = T0.AddDays(5);

    private static NormDeadlineSet Set(string norm) => new(Deadline, Client, norm, "", Subject, DivisionCode.Smz, "arnhem-noord", null, Due, T0);
    private static NormDeadlineWarned Warned(string norm, DateTimeOffset at) => new(Deadline, Client, norm, "", Subject, DivisionCode.Smz, "arnhem-noord", Due, at);
    private static NormDeadlineEscalated Escalated(string norm, DateTimeOffset at) =>
        new(Deadline, Client, norm, "", Subject, DivisionCode.Smz, "arnhem-noord", "teamleider", Due, at);
    private static NormDeadlineResolved Resolved(string norm, DateTimeOffset at, string outcome) =>
        new(Deadline, Client, norm, "", Subject, DivisionCode.Smz, "arnhem-noord", Due, at, outcome, outcome == NormOutcomes.Met, false, at);

    private static KlantbeeldDocument Fold(params IClientEvent[] events) =>
        events.Aggregate(KlantbeeldDocument.Empty(Client) with { Name = "Anna de Vries" }, (doc, e) => NormProjection.Apply(doc, e)!);

    [Fact]
    public void WarnedEscalatedAndResolved_KeepTheirFirstMoment()
    {
        var view = Fold(Set(Norms.Wga80100Contact), Warned(Norms.Wga80100Contact, T0.AddDays(3)), Warned(Norms.Wga80100Contact, T0.AddDays(4)),
            Escalated(Norms.Wga80100Contact, T0.AddDays(6)), Escalated(Norms.Wga80100Contact, T0.AddDays(7)),
            Resolved(Norms.Wga80100Contact, T0.AddDays(8), NormOutcomes.Late), Resolved(Norms.Wga80100Contact, T0.AddDays(9), NormOutcomes.Met)).NormDeadlines.Single();

        (view.WarnedAt, view.EscalatedAt, view.ResolvedAt, view.Outcome)
            .ShouldBe((T0.AddDays(3), T0.AddDays(6), T0.AddDays(8), NormOutcomes.Late));
    }

    [Fact]
    public void WarnedDeadline_IsMarkedOnItsWorkItem_UntilItEscalates()
    {
        var set = Fold(Set(Norms.Wga80100Contact));
        var warned = Fold(Set(Norms.Wga80100Contact), Warned(Norms.Wga80100Contact, T0.AddDays(3)));
        var escalated = Fold(Set(Norms.Wga80100Contact), Warned(Norms.Wga80100Contact, T0.AddDays(3)), Escalated(Norms.Wga80100Contact, T0.AddDays(6)));
        var escalatedUnwarned = Fold(Set(Norms.Wga80100Contact), Escalated(Norms.Wga80100Contact, T0.AddDays(6)));

        WorkItems.Norms(set).Single().Title.ShouldNotContain(WorkItems.WarnedMark);
        WorkItems.Norms(warned).Single().Title.ShouldEndWith(WorkItems.WarnedMark);
        WorkItems.Norms(escalated).ShouldAllBe(i => !i.Title.Contains(WorkItems.WarnedMark));
        WorkItems.Norms(escalatedUnwarned).ShouldAllBe(i => !i.Title.Contains(WorkItems.WarnedMark));
        WorkItems.Norms(warned).Single().ClientName.ShouldBe("Anna de Vries");
    }

    [Fact]
    public void Escalation_NamesTheDwangsomRisk_ForTheBeslistermijnOnly()
    {
        var beslistermijn = WorkItems.Norms(Fold(Set(Norms.Beslistermijn), Escalated(Norms.Beslistermijn, T0.AddDays(6))))
            .Single(i => i.Kind == WorkItems.EscalationKind);
        var terugbel = WorkItems.Norms(Fold(Set(Norms.Terugbelverzoek), Escalated(Norms.Terugbelverzoek, T0.AddDays(6))))
            .Single(i => i.Kind == WorkItems.EscalationKind);

        beslistermijn.Title.ShouldEndWith(" — dwangsomrisico");
        terugbel.Title.ShouldNotContain("dwangsomrisico");
    }
}
