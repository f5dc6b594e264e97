using Uwv.Calendar;

namespace Uwv.UnitTests.Calendar;

/// <summary>
/// Easter in the years the golden number starts a new cycle (year mod 19 is 0, e.g. 2033), where a sign slip in the
/// computus goes unnoticed in every other year; and the holidays that follow Easter in such a year.
/// </summary>
public sealed class EasterTests
{
    [Theory]
    [InlineData(1919, 4, 20)]
    [InlineData(1976, 4, 18)]
    [InlineData(1995, 4, 16)]
    [InlineData(2014, 4, 20)]
    [InlineData(2033, 4, 17)]
    [InlineData(2052, 4, 21)]
    [InlineData(2071, 4, 19)]
    [InlineData(2090, 4, 16)]
    [InlineData(2109, 4, 21)]
    [InlineData(2204, 4, 22)]
    [InlineData(2299, 4, 16)]
    public void EasterSunday_InAYearDivisibleByNineteen_IsTheGregorianDate(int year, int month, int day) =>
        DutchHolidays.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));

    [Theory]
    [InlineData(2100, 3, 28)]
    [InlineData(2200, 4, 6)]
    [InlineData(2300, 4, 8)]
    [InlineData(2399, 3, 28)]
    [InlineData(2400, 4, 16)]
    [InlineData(2499, 3, 29)]
    [InlineData(2500, 4, 18)]
    public void EasterSunday_AroundTheCenturyCorrections_IsTheGregorianDate(int year, int month, int day) =>
        DutchHolidays.EasterSunday(year).ShouldBe(new DateOnly(year, month, day));

    [Fact]
    public void Holidays2033_FollowEasterOnSeventeenApril()
    {
        var holidays = DutchHolidays.For(2033).ToDictionary(h => h.Name, h => h.Date);

        holidays["Goede Vrijdag"].ShouldBe(new DateOnly(2033, 4, 15));
        holidays["Tweede Paasdag"].ShouldBe(new DateOnly(2033, 4, 18));
        holidays["Hemelvaartsdag"].ShouldBe(new DateOnly(2033, 5, 26));
        holidays["Tweede Pinksterdag"].ShouldBe(new DateOnly(2033, 6, 6));
        DutchHolidays.IsHoliday(new DateOnly(2033, 4, 18)).ShouldBeTrue();
        DutchHolidays.IsHoliday(new DateOnly(2033, 4, 11)).ShouldBeFalse();
    }
}

/// <summary>
/// Easter in every Gregorian year the calendar serves, against an independent computus (Knuth's, The Art of Computer
/// Programming vol. 1, 1.3.2 exercise 14): a slip in any step of the production computus shows in some year.
/// </summary>
public sealed class EasterAgainstAnIndependentComputusTests
{
    private static DateOnly Knuth(int year)
    {
        var golden = (year % 19) + 1;
        var century = (year / 100) + 1;
        var skippedLeapDays = (3 * century / 4) - 12;
        var moonCorrection = ((8 * century) + 5) / 25 - 5;
        var sunday = (5 * year / 4) - skippedLeapDays - 10;
        var epact = ((11 * golden) + 20 + moonCorrection - skippedLeapDays) % 30;
        if (epact < 0)
        {
            epact += 30;
        }
        if ((epact == 25 && golden > 11) || epact == 24)
        {
            epact++;
        }
        var fullMoon = 44 - epact;
        if (fullMoon < 21)
        {
            fullMoon += 30;
        }
        var easter = fullMoon + 7 - ((sunday + fullMoon) % 7);
        return easter > 31 ? new DateOnly(year, 4, easter - 31) : new DateOnly(year, 3, easter);
    }

    [Fact]
    public void EasterSunday_FromTheGregorianReformTo9999_MatchesTheIndependentComputus()
    {
        var wrong = Enumerable.Range(1583, 9999 - 1583 + 1).Where(y => DutchHolidays.EasterSunday(y) != Knuth(y)).Take(5).ToList();

        wrong.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_000)]
    public void EasterSunday_OutsideTheCalendarsYears_IsRefused(int year) =>
        Should.Throw<ArgumentOutOfRangeException>(() => DutchHolidays.EasterSunday(year));
}
