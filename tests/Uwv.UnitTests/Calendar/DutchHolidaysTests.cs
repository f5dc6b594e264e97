using Uwv.Calendar;

namespace Uwv.UnitTests.Calendar;

public sealed class DutchHolidaysTests
{
    [Theory]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2024, 3, 31)]
    [InlineData(2019, 4, 21)]
    [InlineData(2008, 3, 23)] // nearly the earliest possible
    [InlineData(2000, 4, 23)]
    [InlineData(2038, 4, 25)] // latest possible date
    [InlineData(2285, 3, 22)] // earliest possible date
    public void EasterSunday_GregorianComputus_MatchesKnownDates(int year, int month, int day)
    {
        var easter = DutchHolidays.EasterSunday(year);

        easter.ShouldBe(new DateOnly(year, month, day));
        easter.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
    }

    // Every general holiday of 2025, 2026 and 2027, worked out by hand, with its day of the week.
    [Theory]
    [InlineData(2025, 1, 1, "Nieuwjaarsdag", DayOfWeek.Wednesday)]
    [InlineData(2025, 4, 18, "Goede Vrijdag", DayOfWeek.Friday)]
    [InlineData(2025, 4, 21, "Tweede Paasdag", DayOfWeek.Monday)]
    [InlineData(2025, 4, 26, "Koningsdag", DayOfWeek.Saturday)]
    [InlineData(2025, 5, 5, "Bevrijdingsdag", DayOfWeek.Monday)]
    [InlineData(2025, 5, 29, "Hemelvaartsdag", DayOfWeek.Thursday)]
    [InlineData(2025, 6, 9, "Tweede Pinksterdag", DayOfWeek.Monday)]
    [InlineData(2025, 12, 25, "Eerste Kerstdag", DayOfWeek.Thursday)]
    [InlineData(2025, 12, 26, "Tweede Kerstdag", DayOfWeek.Friday)]
    [InlineData(2026, 1, 1, "Nieuwjaarsdag", DayOfWeek.Thursday)]
    [InlineData(2026, 4, 3, "Goede Vrijdag", DayOfWeek.Friday)]
    [InlineData(2026, 4, 6, "Tweede Paasdag", DayOfWeek.Monday)]
    [InlineData(2026, 4, 27, "Koningsdag", DayOfWeek.Monday)]
    [InlineData(2026, 5, 5, "Bevrijdingsdag", DayOfWeek.Tuesday)]
    [InlineData(2026, 5, 14, "Hemelvaartsdag", DayOfWeek.Thursday)]
    [InlineData(2026, 5, 25, "Tweede Pinksterdag", DayOfWeek.Monday)]
    [InlineData(2026, 12, 25, "Eerste Kerstdag", DayOfWeek.Friday)]
    [InlineData(2026, 12, 26, "Tweede Kerstdag", DayOfWeek.Saturday)]
    [InlineData(2027, 1, 1, "Nieuwjaarsdag", DayOfWeek.Friday)]
    [InlineData(2027, 3, 26, "Goede Vrijdag", DayOfWeek.Friday)]
    [InlineData(2027, 3, 29, "Tweede Paasdag", DayOfWeek.Monday)]
    [InlineData(2027, 4, 27, "Koningsdag", DayOfWeek.Tuesday)]
    [InlineData(2027, 5, 5, "Bevrijdingsdag", DayOfWeek.Wednesday)]
    [InlineData(2027, 5, 6, "Hemelvaartsdag", DayOfWeek.Thursday)]
    [InlineData(2027, 5, 17, "Tweede Pinksterdag", DayOfWeek.Monday)]
    [InlineData(2027, 12, 25, "Eerste Kerstdag", DayOfWeek.Saturday)]
    [InlineData(2027, 12, 26, "Tweede Kerstdag", DayOfWeek.Sunday)]
    public void Holiday_OnRealDate_IsListedWithItsDutchName(int year, int month, int day, string name, DayOfWeek dayOfWeek)
    {
        var date = new DateOnly(year, month, day);

        date.DayOfWeek.ShouldBe(dayOfWeek);
        DutchHolidays.IsHoliday(date).ShouldBeTrue();
        DutchHolidays.For(year).ShouldContain(new DutchHoliday(date, name));
    }

    [Theory]
    [InlineData(2025, "2025-01-01,2025-04-18,2025-04-21,2025-04-26,2025-05-05,2025-05-29,2025-06-09,2025-12-25,2025-12-26")]
    [InlineData(2026, "2026-01-01,2026-04-03,2026-04-06,2026-04-27,2026-05-05,2026-05-14,2026-05-25,2026-12-25,2026-12-26")]
    [InlineData(2027, "2027-01-01,2027-03-26,2027-03-29,2027-04-27,2027-05-05,2027-05-06,2027-05-17,2027-12-25,2027-12-26")]
    public void For_Year_ListsExactlyTheNineHolidaysInDateOrder(int year, string expectedDates)
    {
        var holidays = DutchHolidays.For(year);

        holidays.Count.ShouldBe(9);
        string.Join(",", holidays.Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))
            .ShouldBe(expectedDates);
        holidays.Select(h => h.Name).ShouldBe(
            ["Nieuwjaarsdag", "Goede Vrijdag", "Tweede Paasdag", "Koningsdag", "Bevrijdingsdag",
             "Hemelvaartsdag", "Tweede Pinksterdag", "Eerste Kerstdag", "Tweede Kerstdag"]);
    }

    [Theory]
    [InlineData(2014)]
    [InlineData(2025)]
    [InlineData(2031)]
    public void KingsDay_WhenTwentySeventhIsSunday_IsTwentySixth(int year)
    {
        new DateOnly(year, 4, 27).DayOfWeek.ShouldBe(DayOfWeek.Sunday);

        DutchHolidays.For(year).Single(h => h.Name == "Koningsdag").Date.ShouldBe(new DateOnly(year, 4, 26));
        DutchHolidays.IsHoliday(new DateOnly(year, 4, 26)).ShouldBeTrue();
        DutchHolidays.IsHoliday(new DateOnly(year, 4, 27)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(2024)] // a Saturday: not moved
    [InlineData(2026)]
    [InlineData(2027)]
    public void KingsDay_WhenTwentySeventhIsNotSunday_IsTwentySeventh(int year)
    {
        DutchHolidays.For(year).Single(h => h.Name == "Koningsdag").Date.ShouldBe(new DateOnly(year, 4, 27));
        DutchHolidays.IsHoliday(new DateOnly(year, 4, 26)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    public void LiberationDay_IsAHolidayEveryYear_NotOnlyEveryFifthYear(int year)
    {
        DutchHolidays.IsHoliday(new DateOnly(year, 5, 5)).ShouldBeTrue();
        DutchHolidays.For(year).ShouldContain(new DutchHoliday(new DateOnly(year, 5, 5), "Bevrijdingsdag"));
    }

    [Fact]
    public void AscensionDay_WhenOnLiberationDay_BothAreListedOnTheSameDate()
    {
        // Easter 27 March 2016, so Ascension Day was Thursday 5 May 2016.
        var holidays = DutchHolidays.For(2016);

        holidays.Count.ShouldBe(9);
        holidays.Where(h => h.Date == new DateOnly(2016, 5, 5)).Select(h => h.Name)
            .ShouldBe(["Bevrijdingsdag", "Hemelvaartsdag"]);
        holidays.Select(h => h.Date).Distinct().Count().ShouldBe(8);
    }

    [Theory]
    [InlineData(2025, 4, 20)] // Eerste Paasdag
    [InlineData(2025, 6, 8)] // Eerste Pinksterdag
    [InlineData(2026, 5, 24)] // Eerste Pinksterdag
    public void EasterAndWhitSunday_AreNotListed_BecauseTheyAreSundaysAnyway(int year, int month, int day)
    {
        var date = new DateOnly(year, month, day);

        date.DayOfWeek.ShouldBe(DayOfWeek.Sunday);
        DutchHolidays.IsHoliday(date).ShouldBeFalse();
        TestCalendar.HolidaysOnly.IsWorkingDay(date).ShouldBeFalse();
    }

    [Theory]
    [InlineData(2026, 4, 4)] // Holy Saturday
    [InlineData(2026, 4, 30)] // former Koninginnedag
    [InlineData(2026, 5, 4)] // Dodenherdenking
    [InlineData(2026, 12, 24)] // Christmas Eve
    [InlineData(2026, 12, 31)] // New Year's Eve
    [InlineData(2026, 6, 15)] // an ordinary Monday
    public void OrdinaryDates_AreNotHolidays(int year, int month, int day) =>
        DutchHolidays.IsHoliday(new DateOnly(year, month, day)).ShouldBeFalse();

    [Fact]
    public void For_SameYear_IsCachedAndReadOnly()
    {
        var first = DutchHolidays.For(2026);

        DutchHolidays.For(2026).ShouldBeSameAs(first);
        first.ShouldBeAssignableTo<ICollection<DutchHoliday>>()!.IsReadOnly.ShouldBeTrue();
    }

    [Fact]
    public void For_CalledConcurrently_ReturnsOneCachedSetPerYear()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<DutchHoliday>>();
        var mismatches = 0;

        Parallel.For(0, 4000, i =>
        {
            var year = 2400 + (i % 40);
            var holidays = DutchHolidays.For(year);
            if (!ReferenceEquals(seen.GetOrAdd(year, holidays), holidays) || holidays.Count != 9)
            {
                Interlocked.Increment(ref mismatches);
            }
        });

        mismatches.ShouldBe(0);
        seen.Count.ShouldBe(40);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void For_YearOutsideDateOnlyRange_Throws(int year)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DutchHolidays.For(year));
        Should.Throw<ArgumentOutOfRangeException>(() => DutchHolidays.EasterSunday(year));
    }
}
