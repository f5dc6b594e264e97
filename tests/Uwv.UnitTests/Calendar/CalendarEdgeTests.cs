using Uwv.Calendar;

namespace Uwv.UnitTests.Calendar;

/// <summary>
/// The calendar's edges: the range of years it accepts, the arguments it refuses, decrees of a single day and days
/// listed out of order, an equated day on the first day counted, and the start of a day whose midnight is skipped or
/// occurs twice (time zones that change their clocks at midnight).
/// </summary>
public sealed class CalendarEdgeTests
{
    private static readonly DateOnly Tuesday = new(2027, 6, 15);

    private static EquatedDaysDecree Decree(params DateOnly[] days) => new()
    {
        Name = "Besluit gelijkgestelde dagen", CoversFrom = new DateOnly(2027, 1, 1), CoversUntil = new DateOnly(2027, 12, 31), Days = [.. days],
    };

    [Theory]
    [InlineData(0)]
    [InlineData(10000)]
    public void Years_OutsideOneTo9999_AreRefusedByName(int year)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => DutchHolidays.EasterSunday(year)).ParamName.ShouldBe("year");
        Should.Throw<ArgumentOutOfRangeException>(() => DutchHolidays.For(year)).ParamName.ShouldBe("year");
    }

    [Fact]
    public void YearOne_IsInTheRange() => DutchHolidays.EasterSunday(1).Year.ShouldBe(1);

    [Fact]
    public void MissingArguments_AreRefusedAsSuch()
    {
        Should.Throw<ArgumentNullException>(() => new OfficeHours(new OfficeHoursOptions(), null!));
        Should.Throw<ArgumentNullException>(() => new OfficeHours((OfficeHoursOptions)null!, TestCalendar.HolidaysOnly));
        Should.Throw<ArgumentNullException>(() => new WorkingDayCalendar(null!));
        Should.Throw<ArgumentNullException>(() => new OfficeHours(TimeZoneInfo.Utc, new TimeOnly(8, 0), new TimeOnly(17, 0), null!));
        Should.Throw<ArgumentNullException>(() => new OfficeHours(null!, new TimeOnly(8, 0), new TimeOnly(17, 0), TestCalendar.HolidaysOnly));
        Should.Throw<ArgumentNullException>(() => EquatedDaysCoverage.Of(null!, Tuesday, 6));
        Should.Throw<ArgumentNullException>(() => new WorkingDayCalendar([null!]));
    }

    [Fact]
    public void Decree_CoveringASingleDay_IsValid()
    {
        var calendar = new WorkingDayCalendar([new EquatedDaysDecree { Name = "Eén dag", CoversFrom = Tuesday, CoversUntil = Tuesday, Days = [Tuesday] }]);

        calendar.IsWorkingDay(Tuesday).ShouldBeFalse();
    }

    [Fact]
    public void DecreeDays_ListedOutOfOrderAndTwice_AreKeptOnceInDateOrder()
    {
        var calendar = new WorkingDayCalendar([Decree(Tuesday.AddDays(2), Tuesday, Tuesday)]);

        calendar.Decrees.Single().Days.ShouldBe([Tuesday, Tuesday.AddDays(2)]);
    }

    [Fact]
    public void CountWorkingDays_FromTheDayBeforeTheFirstEquatedDay_LeavesItOut()
    {
        var calendar = new WorkingDayCalendar([Decree(Tuesday)]);

        // Tuesday (equated) to Friday: Wednesday, Thursday and Friday.
        calendar.CountWorkingDaysBetween(Tuesday.AddDays(-1), Tuesday.AddDays(3)).ShouldBe(3);
    }

    [Fact]
    public void StartOfDay_WhoseMidnightOccursTwice_IsItsFirstOccurrence()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var day = DaysOf(2021).First(d => zone.IsAmbiguousTime(d.ToDateTime(TimeOnly.MinValue)));
        var office = new OfficeHours(zone, new TimeOnly(8, 0), new TimeOnly(17, 0), TestCalendar.HolidaysOnly);

        var start = office.StartOfDay(day);

        var offsets = zone.GetAmbiguousTimeOffsets(day.ToDateTime(TimeOnly.MinValue));
        start.UtcDateTime.ShouldBe(day.ToDateTime(TimeOnly.MinValue) - offsets.Max());
    }

    [Fact]
    public void StartOfDay_WhoseMidnightIsSkipped_IsTheMomentTheClockJumps()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Havana");
        var day = DaysOf(2021).First(d => zone.IsInvalidTime(d.ToDateTime(TimeOnly.MinValue)));
        var office = new OfficeHours(zone, new TimeOnly(8, 0), new TimeOnly(17, 0), TestCalendar.HolidaysOnly);

        var start = office.StartOfDay(day).UtcDateTime;

        TimeZoneInfo.ConvertTimeFromUtc(start, zone).ShouldBeGreaterThanOrEqualTo(day.ToDateTime(TimeOnly.MinValue));
        TimeZoneInfo.ConvertTimeFromUtc(start.AddTicks(-1), zone).ShouldBeLessThan(day.ToDateTime(TimeOnly.MinValue));
    }

    private static IEnumerable<DateOnly> DaysOf(int year) =>
        Enumerable.Range(0, 365).Select(i => new DateOnly(year, 1, 1).AddDays(i));
}
