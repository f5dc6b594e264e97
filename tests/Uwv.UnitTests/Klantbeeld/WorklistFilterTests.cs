using Uwv.Contracts.Events;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Store;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Klantbeeld;

/// <summary>The worklist's filters on stand and deadline: late work, work due by the end of today, within a week.</summary>
public sealed class WorklistFilterTests
{
    // Wednesday 4 March 2026, 15:00 in Amsterdam (14:00 UTC).
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 14, 0, 0, TimeSpan.Zero);

    private static WorkItem Item(DateTimeOffset? due, string? stand = null) =>
        new("k", Guid.NewGuid(), "Cliënt", "handover", DivisionCode.Smz, "", due, "titel", Now.AddDays(-3)) { Stand = stand };

    private static bool Due(string code, DateTimeOffset? due) =>
        new WorklistFilter(null, null) { DueBefore = WorklistDue.Before(code, Now, TestCalendar.Office) }.Matches(Item(due));

    [Fact]
    public void Overdue_IsWorkWhoseDeadlinePassed_NotWorkDueLaterToday()
    {
        Due(WorklistDue.Overdue, Now.AddMinutes(-1)).ShouldBeTrue();
        Due(WorklistDue.Overdue, Now).ShouldBeFalse();
        Due(WorklistDue.Overdue, Now.AddHours(1)).ShouldBeFalse();
    }

    [Fact]
    public void Today_IsWorkDueBeforeMidnightInAmsterdam_LateWorkIncluded()
    {
        // Midnight in Amsterdam is 23:00 UTC in March (CET).
        Due(WorklistDue.Today, Now.AddDays(-2)).ShouldBeTrue();
        Due(WorklistDue.Today, new DateTimeOffset(2026, 3, 4, 22, 59, 0, TimeSpan.Zero)).ShouldBeTrue();
        Due(WorklistDue.Today, new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero)).ShouldBeFalse();
    }

    [Fact]
    public void Week_IsWorkDueWithinSevenDays()
    {
        Due(WorklistDue.Week, Now.AddDays(7).AddMinutes(-1)).ShouldBeTrue();
        Due(WorklistDue.Week, Now.AddDays(7)).ShouldBeFalse();
    }

    [Fact]
    public void DeadlineFilter_NeverMatchesWorkWithoutADeadline_AndNoFilterMatchesEverything()
    {
        Due(WorklistDue.Week, null).ShouldBeFalse();
        WorklistDue.Before("", Now, TestCalendar.Office).ShouldBeNull();
        new WorklistFilter(null, null).Matches(Item(null)).ShouldBeTrue();
    }

    [Fact]
    public void UnknownDeadlineFilter_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => WorklistDue.Before("morgen", Now, TestCalendar.Office));

    [Fact]
    public void StandFilter_MatchesOnlyWorkThatStandsSo()
    {
        var filter = new WorklistFilter(null, null) { Stand = "nazorg-pending" };

        filter.Matches(Item(Now, "nazorg-pending")).ShouldBeTrue();
        filter.Matches(Item(Now, "ready")).ShouldBeFalse();
        filter.Matches(Item(Now)).ShouldBeFalse();
    }

    [Fact]
    public void HandoverWork_StandsAsTheHandover()
    {
        var handover = new HandoverView(Guid.NewGuid(), Guid.NewGuid(), DivisionCode.Smz, DivisionCode.Werkbedrijf, "nazorg-pending", Now, Now) { Version = 2 };
        var doc = KlantbeeldDocument.Empty(Guid.NewGuid()) with { Name = "Cliënt", Handovers = [handover] };

        WorkItems.Handovers(doc).ShouldHaveSingleItem().Stand.ShouldBe("nazorg-pending");
    }
}
