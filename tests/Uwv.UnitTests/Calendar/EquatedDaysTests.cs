using Uwv.Calendar;

namespace Uwv.UnitTests.Calendar;

/// <summary>Algemene termijnenwet art. 3 lid 3: the days a royal decree equates with the general holidays.</summary>
public sealed class EquatedDaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static EquatedDaysDecree Decree(string name, string from, string until, params string[] days) =>
        new() { Name = name, CoversFrom = D(from), CoversUntil = D(until), Days = [.. days.Select(D)] };

    [Theory]
    [InlineData("2023-04-28")] // previous decree: the Friday after Koningsdag 2023
    [InlineData("2023-05-19")] // the Friday after Ascension 2023
    [InlineData("2024-05-10")]
    [InlineData("2024-12-27")] // the Friday after Christmas 2024
    [InlineData("2025-05-30")]
    [InlineData("2026-01-02")] // decree in force: the Friday after Nieuwjaarsdag 2026
    [InlineData("2026-05-15")] // the Friday after Ascension 2026
    [InlineData("2027-05-07")]
    [InlineData("2028-04-28")] // the Friday after Koningsdag 2028
    [InlineData("2028-05-26")]
    public void EquatedDay_OfTheConfiguredDecrees_IsNotAWorkingDay(string date)
    {
        TestCalendar.WorkingDays.IsEquatedDay(D(date)).ShouldBeTrue();
        TestCalendar.WorkingDays.IsWorkingDay(D(date)).ShouldBeFalse();
        TestCalendar.HolidaysOnly.IsWorkingDay(D(date)).ShouldBeTrue(); // only the decree makes it a non-working day
    }

    [Fact]
    public void PlatformConfiguration_NamesBothDecreesAndTheirPeriods()
    {
        TestCalendar.WorkingDays.Decrees.Select(d => (d.CoversFrom, d.CoversUntil, d.Days.Count)).ShouldBe(
            [(D("2023-01-01"), D("2025-12-31"), 5), (D("2026-01-01"), D("2028-12-31"), 5)]);
        TestCalendar.WorkingDays.Decrees.ShouldAllBe(d => d.Name.Length > 0);
        TestCalendar.WorkingDays.CoveredUntil.ShouldBe(D("2028-12-31"));
    }

    [Fact]
    public void Day_NotCoveredByAnyDecree_IsAnOrdinaryDay()
    {
        // The Friday after Ascension: 2022 and 2029 lie outside every configured decree's period.
        TestCalendar.WorkingDays.IsWorkingDay(D("2022-05-27")).ShouldBeTrue();
        TestCalendar.WorkingDays.IsWorkingDay(D("2029-05-11")).ShouldBeTrue();
    }

    [Fact]
    public void NewDecree_IsAConfigurationChange_NotCode()
    {
        var next = new WorkingDayCalendar([Decree("Besluit gelijkgestelde dagen 2029-2031", "2029-01-01", "2031-12-31", "2029-05-11")]);
        next.IsWorkingDay(D("2029-05-11")).ShouldBeFalse();
        next.AddWorkingDays(D("2029-05-09"), 1).ShouldBe(D("2029-05-14")); // over Hemelvaartsdag and the Friday
        next.CoveredUntil.ShouldBe(D("2031-12-31"));
    }

    [Fact]
    public void EquatedDay_OnAHolidayOrWeekend_IsNotCountedTwice()
    {
        var calendar = new WorkingDayCalendar([Decree("test", "2026-01-01", "2026-12-31", "2026-01-01", "2026-01-03", "2026-01-02")]);
        calendar.CountWorkingDaysBetween(D("2025-12-31"), D("2026-01-09")).ShouldBe(5); // 5 to 9 January
    }

    [Fact]
    public void Decree_ListingADayOutsideItsPeriod_IsRefused() =>
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar([Decree("test", "2026-01-01", "2028-12-31", "2029-05-11")]))
            .Message.ShouldContain("outside its period");

    [Fact]
    public void Decrees_WithOverlappingPeriods_AreRefused() =>
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar(
            [Decree("a", "2023-01-01", "2026-06-30"), Decree("b", "2026-01-01", "2028-12-31")])).Message.ShouldContain("overlapping");

    [Fact]
    public void Decree_WithoutName_IsRefused() =>
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar([Decree(" ", "2026-01-01", "2028-12-31")]));

    [Fact]
    public void Decree_EndingBeforeItStarts_IsRefused() =>
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar([Decree("a", "2028-12-31", "2026-01-01")]));

    [Theory]
    [InlineData("2028-06-30", false, 184)] // 2028-06-30 + 6 months = 2028-12-30: still covered
    [InlineData("2028-07-01", true, 183)] // the coverage ends within six months
    [InlineData("2029-01-01", true, -1)] // the coverage has ended
    public void Coverage_EndingWithinSixMonths_IsReported(string today, bool endsSoon, int daysLeft)
    {
        var coverage = EquatedDaysCoverage.Of(TestCalendar.WorkingDays, D(today), 6);
        coverage.EndsSoon.ShouldBe(endsSoon);
        coverage.DaysLeft.ShouldBe(daysLeft);
        coverage.CoveredUntil.ShouldBe(D("2028-12-31"));
        coverage.Describe().ShouldContain("2028-12-31");
    }

    [Fact]
    public void Coverage_WithoutAnyDecree_IsReported()
    {
        var coverage = EquatedDaysCoverage.Of(TestCalendar.HolidaysOnly, D("2026-12-02"), 6);
        coverage.EndsSoon.ShouldBeTrue();
        coverage.CoveredUntil.ShouldBeNull();
        coverage.Describe().ShouldContain("EquatedDays:Decrees");
    }

    [Fact]
    public void Coverage_OnItsLastDayWithoutWarningPeriod_DoesNotYetEnd_TheDayAfterItHasEnded()
    {
        EquatedDaysCoverage.Of(TestCalendar.WorkingDays, D("2028-12-31"), 0).EndsSoon.ShouldBeFalse();
        EquatedDaysCoverage.Of(TestCalendar.WorkingDays, D("2029-01-01"), 0).EndsSoon.ShouldBeTrue();
    }

    [Fact]
    public void Coverage_TellsTheOperatorToConfigureTheNextDecree_OnlyWhenItEndsSoon()
    {
        EquatedDaysCoverage.Of(TestCalendar.WorkingDays, D("2028-07-01"), 6).Describe().ShouldContain("configure the next decree");
        var fine = EquatedDaysCoverage.Of(TestCalendar.WorkingDays, D("2028-06-30"), 6).Describe();
        fine.ShouldNotContain("configure the next decree");
        fine.ShouldContain("configured up to 2028-12-31");
    }

    [Fact]
    public void Coverage_WithANegativeWarningPeriod_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => EquatedDaysCoverage.Of(TestCalendar.WorkingDays, D("2028-06-30"), -1));

    [Fact]
    public void Decrees_SharingOnlyOneDay_Overlap_AndAreRefused() =>
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar(
            [Decree("a", "2026-01-01", "2028-12-31"), Decree("b", "2028-12-31", "2031-12-31")]));

    [Fact]
    public void Decrees_OneAfterTheOther_AreAccepted() =>
        new WorkingDayCalendar([Decree("a", "2026-01-01", "2028-12-31"), Decree("b", "2029-01-01", "2031-12-31")])
            .CoveredUntil.ShouldBe(D("2031-12-31"));

    [Fact]
    public void Decree_DaysOnTheEdgesOfItsPeriod_AreEquated_AndADayOutsideIsRefused()
    {
        var calendar = new WorkingDayCalendar([Decree("a", "2026-01-02", "2026-12-31", "2026-12-31", "2026-01-02")]);
        calendar.IsEquatedDay(D("2026-01-02")).ShouldBeTrue();
        calendar.IsEquatedDay(D("2026-12-31")).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar([Decree("a", "2026-01-02", "2026-12-31", "2026-01-01")]));
        Should.Throw<ArgumentException>(() => new WorkingDayCalendar([Decree("a", "2026-01-02", "2026-12-31", "2027-01-01")]));
    }

    [Fact]
    public void Decree_DaysListedInAnyOrder_AreEachEquated_AndCountedOnce()
    {
        var days = new[] { "2026-11-27", "2026-05-15", "2026-01-02", "2026-08-14", "2026-05-15", "2026-03-06" };
        var calendar = new WorkingDayCalendar([Decree("a", "2026-01-01", "2026-12-31", days)]);

        days.ShouldAllBe(d => calendar.IsEquatedDay(D(d)));
        calendar.Decrees.Single().Days.Count.ShouldBe(5);
        calendar.IsEquatedDay(D("2026-05-14")).ShouldBeFalse();
    }

    [Fact]
    public void Decree_WithoutDays_CoversItsPeriod_WithoutEquatingAnything()
    {
        var calendar = new WorkingDayCalendar([new EquatedDaysDecree { Name = "a", CoversFrom = D("2026-01-01"), CoversUntil = D("2026-12-31"), Days = null! }]);

        calendar.CoveredUntil.ShouldBe(D("2026-12-31"));
        calendar.IsEquatedDay(D("2026-01-02")).ShouldBeFalse();
    }
}
