using Uwv.ServiceDefaults.Calendar;

namespace Uwv.UnitTests.Calendar;

public sealed class WorkingDaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-19", true)] // Monday
    [InlineData("2026-01-23", true)] // Friday
    [InlineData("2026-01-24", false)] // Saturday
    [InlineData("2026-01-25", false)] // Sunday
    [InlineData("2026-01-01", false)] // Nieuwjaarsdag
    [InlineData("2026-04-03", false)] // Goede Vrijdag
    [InlineData("2026-04-06", false)] // Tweede Paasdag
    [InlineData("2026-04-27", false)] // Koningsdag
    [InlineData("2026-05-05", false)] // Bevrijdingsdag
    [InlineData("2026-05-14", false)] // Hemelvaartsdag
    [InlineData("2026-05-15", true)] // the Friday after Ascension is an ordinary working day
    [InlineData("2026-05-25", false)] // Tweede Pinksterdag
    [InlineData("2026-12-24", true)] // Christmas Eve
    [InlineData("2026-12-25", false)] // Eerste Kerstdag
    [InlineData("2026-12-31", true)] // New Year's Eve
    [InlineData("2025-04-28", true)] // Monday after Koningsdag on Saturday: no substitute day
    public void IsWorkingDay_ExcludesWeekendsAndGeneralHolidays(string date, bool expected) =>
        WorkingDays.IsWorkingDay(D(date)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-04-02", "2026-04-07")] // Thursday before Easter 2026 -> Tuesday after
    [InlineData("2025-04-17", "2025-04-22")] // Thursday before Easter 2025 -> Tuesday after
    [InlineData("2027-03-25", "2027-03-30")] // Thursday before Easter 2027 -> Tuesday after
    public void AddWorkingDays_OverEasterWeekend_SkipsGoodFridayAndEasterMonday(string start, string expected) =>
        WorkingDays.AddWorkingDays(D(start), 1).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-12-24", 1, "2025-12-29")] // Thu 25 and Fri 26 holidays, then the weekend
    [InlineData("2025-12-24", 3, "2025-12-31")]
    [InlineData("2025-12-24", 4, "2026-01-02")] // skips Nieuwjaarsdag (Thursday)
    [InlineData("2026-12-24", 1, "2026-12-28")] // Fri 25 holiday, Sat 26 holiday, Sunday
    [InlineData("2027-12-24", 1, "2027-12-27")] // Christmas 2027 on the weekend: no extra day off
    [InlineData("2026-12-31", 1, "2027-01-04")] // Fri 1 January 2027, then the weekend
    [InlineData("2025-12-19", 10, "2026-01-07")]
    public void AddWorkingDays_AcrossChristmasAndNewYear_SkipsHolidaysAndWeekends(string start, int n, string expected) =>
        WorkingDays.AddWorkingDays(D(start), n).ShouldBe(D(expected));

    [Theory]
    [InlineData("2027-04-26", 1, "2027-04-28")] // over Koningsdag (Tuesday)
    [InlineData("2027-05-04", 1, "2027-05-07")] // over Bevrijdingsdag (Wed) and Hemelvaartsdag (Thu)
    [InlineData("2026-05-22", 1, "2026-05-26")] // over Tweede Pinksterdag
    [InlineData("2026-01-16", 1, "2026-01-19")] // Friday -> Monday
    [InlineData("2026-01-17", 1, "2026-01-19")] // Saturday -> Monday
    [InlineData("2026-01-19", 5, "2026-01-26")] // a working week
    [InlineData("2025-12-31", 253, "2026-12-31")] // 2026 has 253 working days
    public void AddWorkingDays_CountsOnlyWorkingDaysAfterStart(string start, int n, string expected) =>
        WorkingDays.AddWorkingDays(D(start), n).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-01-19", "2026-01-19")] // working day: itself
    [InlineData("2026-01-17", "2026-01-19")] // Saturday: next working day
    [InlineData("2026-04-03", "2026-04-07")] // Goede Vrijdag: over the weekend and Tweede Paasdag
    public void AddWorkingDays_Zero_IsStartWhenWorkingDay_OtherwiseNextWorkingDay(string start, string expected) =>
        WorkingDays.AddWorkingDays(D(start), 0).ShouldBe(D(expected));

    [Fact]
    public void AddWorkingDays_NegativeCount_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingDays.AddWorkingDays(D("2026-01-19"), -1));

    [Fact]
    public void AddWorkingDays_MatchesDayByDayCounting_ForEveryStartIn2025To2027()
    {
        for (var start = D("2025-01-01"); start <= D("2027-12-31"); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 7, 23, 60 })
            {
                WorkingDays.AddWorkingDays(start, n).ShouldBe(Reference(start, n), $"start {start:yyyy-MM-dd}, n {n}");
            }
        }

        static DateOnly Reference(DateOnly start, int n)
        {
            var date = start;
            while (n > 0)
            {
                date = date.AddDays(1);
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchHolidays.IsHoliday(date))
                {
                    n--;
                }
            }

            return date;
        }
    }

    [Fact]
    public void AddWorkingDays_OverHundredsOfDays_DoesNotAllocate()
    {
        var start = D("2025-11-03");
        var expected = WorkingDays.AddWorkingDays(start, 500); // warms up the JIT and the holiday cache

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = WorkingDays.AddWorkingDays(start, 500);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        result.ShouldBe(expected);
        allocated.ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-01-16", "2026-01-19")] // Friday -> Monday
    [InlineData("2026-01-18", "2026-01-19")] // Sunday -> Monday
    [InlineData("2026-01-19", "2026-01-20")] // a working day is never its own next working day
    [InlineData("2026-05-13", "2026-05-15")] // Wednesday before Hemelvaartsdag -> Friday
    [InlineData("2026-04-24", "2026-04-28")] // Friday before Koningsdag (Monday) -> Tuesday
    public void NextWorkingDay_IsFirstWorkingDayStrictlyAfter(string date, string expected) =>
        WorkingDays.NextWorkingDay(D(date)).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-02-07", "2026-02-09")] // Saturday -> Monday
    [InlineData("2026-02-08", "2026-02-09")] // Sunday -> Monday
    [InlineData("2026-05-14", "2026-05-15")] // Hemelvaartsdag -> Friday
    [InlineData("2026-04-04", "2026-04-07")] // Holy Saturday -> over Sunday and Tweede Paasdag
    [InlineData("2025-04-26", "2025-04-28")] // Koningsdag on Saturday -> Monday
    [InlineData("2027-12-25", "2027-12-27")] // Christmas on Saturday -> Monday
    [InlineData("2026-12-25", "2026-12-28")] // Christmas on Friday -> Monday
    [InlineData("2026-02-10", "2026-02-10")] // a working day is not extended
    public void ExtendToWorkingDay_WhenEndFallsOnWeekendOrHoliday_MovesToNextWorkingDay(string end, string expected) =>
        WorkingDays.ExtendToWorkingDay(D(end)).ShouldBe(D(expected));

    [Fact]
    public void ExtendToWorkingDay_SixWeekObjectionTermEndingOnAscensionDay_EndsOnFriday()
    {
        // Decision sent Thursday 2 April 2026: the six-week term (Awb 6:7/6:8) ends Thursday 14 May 2026,
        // which is Hemelvaartsdag, so per Algemene termijnenwet art. 1 it ends Friday 15 May 2026.
        var end = D("2026-04-02").AddDays(6 * 7);

        end.ShouldBe(D("2026-05-14"));
        WorkingDays.ExtendToWorkingDay(end).ShouldBe(D("2026-05-15"));
    }

    [Theory]
    [InlineData("2026-01-19", "2026-01-19", 0)] // empty interval
    [InlineData("2026-01-16", "2026-01-19", 1)] // Friday -> Monday: only Monday
    [InlineData("2026-01-16", "2026-01-18", 0)] // Friday -> Sunday: only weekend
    [InlineData("2026-01-18", "2026-01-25", 5)] // Sunday -> Sunday: one working week
    [InlineData("2026-04-02", "2026-04-07", 1)] // over Easter 2026
    [InlineData("2025-12-24", "2026-01-02", 4)] // 29, 30, 31 December and 2 January
    [InlineData("2024-12-31", "2025-12-31", 253)] // all of 2025
    [InlineData("2025-12-31", "2026-12-31", 253)] // all of 2026
    [InlineData("2026-12-31", "2027-12-31", 254)] // all of 2027 (Christmas on the weekend)
    [InlineData("2024-12-31", "2027-12-31", 760)] // 2025-2027
    public void CountWorkingDaysBetween_ExcludesStartIncludesEnd(string fromExclusive, string toInclusive, int expected) =>
        WorkingDays.CountWorkingDaysBetween(D(fromExclusive), D(toInclusive)).ShouldBe(expected);

    [Fact]
    public void CountWorkingDaysBetween_MatchesDayByDayCountingAndInvertsAddWorkingDays()
    {
        var from = D("2024-12-20");
        var count = 0;
        for (var to = from; to <= D("2028-01-10"); to = to.AddDays(1))
        {
            if (to > from && WorkingDays.IsWorkingDay(to))
            {
                count++;
                WorkingDays.AddWorkingDays(from, count).ShouldBe(to);
            }

            WorkingDays.CountWorkingDaysBetween(from, to).ShouldBe(count, $"to {to:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void CountWorkingDaysBetween_EndBeforeStart_Throws() =>
        Should.Throw<ArgumentException>(() => WorkingDays.CountWorkingDaysBetween(D("2026-01-20"), D("2026-01-19")));
}
