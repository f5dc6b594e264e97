using Uwv.Calendar;

namespace Uwv.UnitTests.Calendar;

public sealed class WorkingDaysTests
{
    private static readonly WorkingDayCalendar Calendar = TestCalendar.WorkingDays;

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
    [InlineData("2026-05-15", false)] // the Friday after Ascension 2026: a gelijkgestelde dag (Atw art. 3 lid 3)
    [InlineData("2029-05-11", true)] // the Friday after Ascension 2029: no configured decree covers 2029, an ordinary day
    [InlineData("2026-05-25", false)] // Tweede Pinksterdag
    [InlineData("2026-12-24", true)] // Christmas Eve
    [InlineData("2026-12-25", false)] // Eerste Kerstdag
    [InlineData("2026-12-31", true)] // New Year's Eve
    [InlineData("2025-04-28", true)] // Monday after Koningsdag on Saturday: no substitute day
    public void IsWorkingDay_ExcludesWeekendsAndGeneralHolidays(string date, bool expected) =>
        Calendar.IsWorkingDay(D(date)).ShouldBe(expected);

    [Theory]
    [InlineData("2026-04-02", "2026-04-07")] // Thursday before Easter 2026 -> Tuesday after
    [InlineData("2025-04-17", "2025-04-22")] // Thursday before Easter 2025 -> Tuesday after
    [InlineData("2027-03-25", "2027-03-30")] // Thursday before Easter 2027 -> Tuesday after
    public void AddWorkingDays_OverEasterWeekend_SkipsGoodFridayAndEasterMonday(string start, string expected) =>
        Calendar.AddWorkingDays(D(start), 1).ShouldBe(D(expected));

    [Theory]
    [InlineData("2025-12-24", 1, "2025-12-29")] // Thu 25 and Fri 26 holidays, then the weekend
    [InlineData("2025-12-24", 3, "2025-12-31")]
    [InlineData("2025-12-24", 4, "2026-01-05")] // skips Nieuwjaarsdag (Thursday) and 2 January (gelijkgestelde dag)
    [InlineData("2026-12-24", 1, "2026-12-28")] // Fri 25 holiday, Sat 26 holiday, Sunday
    [InlineData("2027-12-24", 1, "2027-12-27")] // Christmas 2027 on the weekend: no extra day off
    [InlineData("2026-12-31", 1, "2027-01-04")] // Fri 1 January 2027, then the weekend
    [InlineData("2025-12-19", 10, "2026-01-08")]
    public void AddWorkingDays_AcrossChristmasAndNewYear_SkipsHolidaysAndWeekends(string start, int n, string expected) =>
        Calendar.AddWorkingDays(D(start), n).ShouldBe(D(expected));

    [Theory]
    [InlineData("2027-04-26", 1, "2027-04-28")] // over Koningsdag (Tuesday)
    [InlineData("2027-05-04", 1, "2027-05-10")] // over Bevrijdingsdag (Wed), Hemelvaartsdag (Thu) and the gelijkgestelde Friday
    [InlineData("2026-05-22", 1, "2026-05-26")] // over Tweede Pinksterdag
    [InlineData("2026-01-16", 1, "2026-01-19")] // Friday -> Monday
    [InlineData("2026-01-17", 1, "2026-01-19")] // Saturday -> Monday
    [InlineData("2026-01-19", 5, "2026-01-26")] // a working week
    [InlineData("2025-12-31", 251, "2026-12-31")] // 2026 has 251 working days (253 less 2 January and 15 May)
    public void AddWorkingDays_CountsOnlyWorkingDaysAfterStart(string start, int n, string expected) =>
        Calendar.AddWorkingDays(D(start), n).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-01-19", "2026-01-19")] // working day: itself
    [InlineData("2026-01-17", "2026-01-19")] // Saturday: next working day
    [InlineData("2026-04-03", "2026-04-07")] // Goede Vrijdag: over the weekend and Tweede Paasdag
    public void AddWorkingDays_Zero_IsStartWhenWorkingDay_OtherwiseNextWorkingDay(string start, string expected) =>
        Calendar.AddWorkingDays(D(start), 0).ShouldBe(D(expected));

    [Fact]
    public void AddWorkingDays_NegativeCount_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Calendar.AddWorkingDays(D("2026-01-19"), -1));

    [Fact]
    public void AddWorkingDays_MatchesDayByDayCounting_ForEveryStartIn2025To2027()
    {
        for (var start = D("2025-01-01"); start <= D("2027-12-31"); start = start.AddDays(1))
        {
            foreach (var n in new[] { 1, 2, 7, 23, 60 })
            {
                Calendar.AddWorkingDays(start, n).ShouldBe(Reference(start, n), $"start {start:yyyy-MM-dd}, n {n}");
            }
        }

        static DateOnly Reference(DateOnly start, int n)
        {
            var date = start;
            while (n > 0)
            {
                date = date.AddDays(1);
                if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchHolidays.IsHoliday(date) && !Calendar.IsEquatedDay(date))
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
        var expected = Calendar.AddWorkingDays(start, 500); // warms up the JIT and the holiday cache

        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = Calendar.AddWorkingDays(start, 500);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        result.ShouldBe(expected);
        allocated.ShouldBe(0);
    }

    [Theory]
    [InlineData("2026-01-16", "2026-01-19")] // Friday -> Monday
    [InlineData("2026-01-18", "2026-01-19")] // Sunday -> Monday
    [InlineData("2026-01-19", "2026-01-20")] // a working day is never its own next working day
    [InlineData("2026-05-13", "2026-05-18")] // Wednesday before Hemelvaartsdag -> over the gelijkgestelde Friday to Monday
    [InlineData("2026-04-24", "2026-04-28")] // Friday before Koningsdag (Monday) -> Tuesday
    public void NextWorkingDay_IsFirstWorkingDayStrictlyAfter(string date, string expected) =>
        Calendar.NextWorkingDay(D(date)).ShouldBe(D(expected));

    [Theory]
    [InlineData("2026-02-07", "2026-02-09")] // Saturday -> Monday
    [InlineData("2026-02-08", "2026-02-09")] // Sunday -> Monday
    [InlineData("2026-05-14", "2026-05-18")] // Hemelvaartsdag -> over the gelijkgestelde Friday to Monday
    [InlineData("2026-04-04", "2026-04-07")] // Holy Saturday -> over Sunday and Tweede Paasdag
    [InlineData("2025-04-26", "2025-04-28")] // Koningsdag on Saturday -> Monday
    [InlineData("2027-12-25", "2027-12-27")] // Christmas on Saturday -> Monday
    [InlineData("2026-12-25", "2026-12-28")] // Christmas on Friday -> Monday
    [InlineData("2026-02-10", "2026-02-10")] // a working day is not extended
    public void ExtendToWorkingDay_WhenEndFallsOnWeekendOrHoliday_MovesToNextWorkingDay(string end, string expected) =>
        Calendar.ExtendToWorkingDay(D(end)).ShouldBe(D(expected));

    [Fact]
    public void ExtendToWorkingDay_SixWeekObjectionTermEndingOnAscensionDay_EndsMonday18May()
    {
        // Decision sent Thursday 2 April 2026: the six-week term (Awb 6:7/6:8) ends Thursday 14 May 2026,
        // which is Hemelvaartsdag; Friday 15 May is a gelijkgestelde dag, so per Algemene termijnenwet art. 1 and
        // art. 3 lid 3 it ends Monday 18 May 2026.
        var end = D("2026-04-02").AddDays(6 * 7);

        end.ShouldBe(D("2026-05-14"));
        Calendar.ExtendToWorkingDay(end).ShouldBe(D("2026-05-18"));
    }

    [Theory]
    [InlineData("2026-01-19", "2026-01-19", 0)] // empty interval
    [InlineData("2026-01-16", "2026-01-19", 1)] // Friday -> Monday: only Monday
    [InlineData("2026-01-16", "2026-01-18", 0)] // Friday -> Sunday: only weekend
    [InlineData("2026-01-18", "2026-01-25", 5)] // Sunday -> Sunday: one working week
    [InlineData("2026-04-02", "2026-04-07", 1)] // over Easter 2026
    [InlineData("2025-12-24", "2026-01-02", 3)] // 29, 30, 31 December (2 January is a gelijkgestelde dag)
    [InlineData("2024-12-31", "2025-12-31", 252)] // all of 2025 (30 May gelijkgesteld)
    [InlineData("2025-12-31", "2026-12-31", 251)] // all of 2026 (2 January and 15 May gelijkgesteld)
    [InlineData("2026-12-31", "2027-12-31", 253)] // all of 2027 (Christmas on the weekend; 7 May gelijkgesteld)
    [InlineData("2024-12-31", "2027-12-31", 756)] // 2025-2027
    public void CountWorkingDaysBetween_ExcludesStartIncludesEnd(string fromExclusive, string toInclusive, int expected) =>
        Calendar.CountWorkingDaysBetween(D(fromExclusive), D(toInclusive)).ShouldBe(expected);

    [Fact]
    public void CountWorkingDaysBetween_MatchesDayByDayCountingAndInvertsAddWorkingDays()
    {
        var from = D("2024-12-20");
        var count = 0;
        for (var to = from; to <= D("2028-01-10"); to = to.AddDays(1))
        {
            if (to > from && Calendar.IsWorkingDay(to))
            {
                count++;
                Calendar.AddWorkingDays(from, count).ShouldBe(to);
            }

            Calendar.CountWorkingDaysBetween(from, to).ShouldBe(count, $"to {to:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void CountWorkingDaysBetween_EndBeforeStart_Throws() =>
        Should.Throw<ArgumentException>(() => Calendar.CountWorkingDaysBetween(D("2026-01-20"), D("2026-01-19")));
}
