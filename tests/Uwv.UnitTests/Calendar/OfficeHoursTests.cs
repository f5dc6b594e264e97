using System.Globalization;
using Uwv.Calendar;

namespace Uwv.UnitTests.Calendar;

public sealed class OfficeHoursTests
{
    private static readonly OfficeHours Office = TestCalendar.Office;

    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None);

    private static void ShouldBeInstantAndOffset(DateTimeOffset actual, DateTimeOffset expected)
    {
        actual.ShouldBe(expected); // same instant
        actual.Offset.ShouldBe(expected.Offset); // expressed in Amsterdam office time
    }

    [Fact]
    public void Default_IsAmsterdamFromEightToFive()
    {
        Office.Opening.ShouldBe(new TimeOnly(8, 0));
        Office.Closing.ShouldBe(new TimeOnly(17, 0));
        Office.TimeZone.BaseUtcOffset.ShouldBe(TimeSpan.FromHours(1));
        Office.TimeZone.IsDaylightSavingTime(T("2026-07-01T12:00:00Z")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-01-19T08:00:00+01:00", true)] // opening is inclusive
    [InlineData("2026-01-19T07:59:59+01:00", false)]
    [InlineData("2026-01-19T16:59:59+01:00", true)]
    [InlineData("2026-01-19T17:00:00+01:00", false)] // closing is exclusive
    [InlineData("2026-01-19T12:00:00+01:00", true)]
    [InlineData("2026-01-17T10:00:00+01:00", false)] // Saturday
    [InlineData("2026-01-18T10:00:00+01:00", false)] // Sunday
    [InlineData("2026-04-27T10:00:00+02:00", false)] // Koningsdag
    [InlineData("2026-05-05T10:00:00+02:00", false)] // Bevrijdingsdag
    [InlineData("2026-12-25T10:00:00+01:00", false)] // Eerste Kerstdag
    [InlineData("2026-03-30T06:30:00Z", true)] // 08:30 CEST, after the spring switch
    [InlineData("2026-03-27T06:30:00Z", false)] // 07:30 CET, before the spring switch
    [InlineData("2026-10-23T15:30:00Z", false)] // 17:30 CEST, before the autumn switch
    [InlineData("2026-10-26T15:30:00Z", true)] // 16:30 CET, after the autumn switch
    [InlineData("2026-01-19T12:00:00+05:30", false)] // any offset: 06:30Z is 07:30 CET
    [InlineData("2026-01-19T14:00:00+05:30", true)] // 08:30Z is 09:30 CET
    public void IsOpen_OnlyBetweenOpeningAndClosingOnWorkingDays(string instant, bool expected)
    {
        var at = T(instant);
        var local = TimeZoneInfo.ConvertTime(at, Office.TimeZone);
        var reference = Office.WorkingDays.IsWorkingDay(DateOnly.FromDateTime(local.DateTime))
            && local.TimeOfDay >= TimeSpan.FromHours(8) && local.TimeOfDay < TimeSpan.FromHours(17);

        Office.IsOpen(at).ShouldBe(expected);
        reference.ShouldBe(expected); // the table itself is consistent with the wall-clock definition
    }

    [Theory]
    [InlineData("2026-11-29T22:59:59Z", "2026-11-29")]
    [InlineData("2026-11-29T23:00:00Z", "2026-11-30")] // midnight in winter (CET) is 23:00 UTC
    [InlineData("2026-07-14T22:00:00Z", "2026-07-15")] // and in summer (CEST) 22:00 UTC
    [InlineData("2026-07-14T21:59:59Z", "2026-07-14")]
    public void DateOf_IsTheOfficesCalendarDate_NotTheUtcDate(string instant, string expected) =>
        Office.DateOf(T(instant)).ShouldBe(DateOnly.Parse(expected, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2026-11-30", "2026-11-30T00:00:00+01:00")] // 23:00 UTC the evening before
    [InlineData("2026-07-15", "2026-07-15T00:00:00+02:00")] // 22:00 UTC the evening before
    [InlineData("2026-03-29", "2026-03-29T00:00:00+01:00")] // the spring switch is at 02:00: the day starts in CET
    [InlineData("2026-03-30", "2026-03-30T00:00:00+02:00")]
    [InlineData("2026-10-25", "2026-10-25T00:00:00+02:00")] // the autumn switch is at 03:00: the day starts in CEST
    [InlineData("2026-10-26", "2026-10-26T00:00:00+01:00")]
    public void StartOfDay_IsLocalMidnight_WithThatDaysOwnOffset(string day, string expected) =>
        ShouldBeInstantAndOffset(Office.StartOfDay(DateOnly.Parse(day, CultureInfo.InvariantCulture)), T(expected));

    [Theory]
    [InlineData("2026-01-16T16:00:00+01:00", 4, "2026-01-19T11:00:00+01:00")] // Friday 16:00 -> Monday 11:00
    [InlineData("2026-04-24T15:00:00+02:00", 4, "2026-04-28T10:00:00+02:00")] // over the weekend and Koningsdag
    [InlineData("2025-12-24T16:30:00+01:00", 1, "2025-12-29T08:30:00+01:00")] // over Christmas and the weekend
    [InlineData("2026-04-02T16:00:00+02:00", 2, "2026-04-07T09:00:00+02:00")] // over Easter
    [InlineData("2026-05-13T16:00:00+02:00", 2, "2026-05-18T09:00:00+02:00")] // over Hemelvaartsdag and the gelijkgestelde Friday
    [InlineData("2026-03-27T16:00:00+01:00", 4, "2026-03-30T11:00:00+02:00")] // over the spring DST switch
    [InlineData("2026-03-26T12:00:00+01:00", 18, "2026-03-30T12:00:00+02:00")]
    [InlineData("2026-10-23T16:00:00+02:00", 4, "2026-10-26T11:00:00+01:00")] // over the autumn DST switch
    [InlineData("2026-10-22T12:00:00+02:00", 18, "2026-10-26T12:00:00+01:00")]
    [InlineData("2026-01-19T06:30:00+01:00", 2, "2026-01-19T10:00:00+01:00")] // before opening
    [InlineData("2026-01-19T18:00:00+01:00", 2, "2026-01-20T10:00:00+01:00")] // after closing
    [InlineData("2026-01-17T12:00:00+01:00", 1, "2026-01-19T09:00:00+01:00")] // on a Saturday
    [InlineData("2026-01-19T08:00:00+01:00", 9, "2026-01-19T17:00:00+01:00")] // exactly one office day ends at closing
    [InlineData("2026-01-19T08:00:00+01:00", 9.5, "2026-01-20T08:30:00+01:00")]
    [InlineData("2026-01-19T08:00:00+01:00", 45, "2026-01-23T17:00:00+01:00")] // one office week
    [InlineData("2026-01-19T10:15:00+01:00", 0.25, "2026-01-19T10:30:00+01:00")] // within the day
    public void AddOfficeHours_CountsOnlyOpenTime(string start, double hours, string expected) =>
        ShouldBeInstantAndOffset(Office.AddOfficeHours(T(start), TimeSpan.FromHours(hours)), T(expected));

    [Fact]
    public void AddOfficeHours_WwQuestionOnFridayAtFourWithFourOfficeHours_IsDueMondayAtEleven()
    {
        var friday = T("2026-06-12T16:00:00+02:00");

        var due = Office.AddOfficeHours(friday, TimeSpan.FromHours(4));

        ShouldBeInstantAndOffset(due, T("2026-06-15T11:00:00+02:00"));
        due.DayOfWeek.ShouldBe(DayOfWeek.Monday);
    }

    [Fact]
    public void AddOfficeHours_AcrossSpringDstSwitch_UsesSummerTimeOnMonday()
    {
        var due = Office.AddOfficeHours(T("2026-03-27T15:00:00Z"), TimeSpan.FromHours(4)); // Friday 16:00 CET

        due.UtcDateTime.ShouldBe(new DateTime(2026, 3, 30, 9, 0, 0, DateTimeKind.Utc)); // 11:00 CEST, not 10:00Z
        due.Offset.ShouldBe(TimeSpan.FromHours(2));
        due.TimeOfDay.ShouldBe(new TimeSpan(11, 0, 0));
    }

    [Fact]
    public void AddOfficeHours_AcrossAutumnDstSwitch_UsesWinterTimeOnMonday()
    {
        var due = Office.AddOfficeHours(T("2026-10-23T14:00:00Z"), TimeSpan.FromHours(4)); // Friday 16:00 CEST

        due.UtcDateTime.ShouldBe(new DateTime(2026, 10, 26, 10, 0, 0, DateTimeKind.Utc)); // 11:00 CET, not 09:00Z
        due.Offset.ShouldBe(TimeSpan.FromHours(1));
        due.TimeOfDay.ShouldBe(new TimeSpan(11, 0, 0));
    }

    [Fact]
    public void AddOfficeHours_StartGivenInUtc_ReturnsAmsterdamOffset()
    {
        var due = Office.AddOfficeHours(T("2026-07-01T05:00:00Z"), TimeSpan.FromHours(1)); // 07:00 CEST, before opening

        ShouldBeInstantAndOffset(due, T("2026-07-01T09:00:00+02:00"));
    }

    [Theory]
    [InlineData("2026-01-19T12:00:00+01:00")] // open
    [InlineData("2026-01-17T12:00:00Z")] // Saturday: zero office time elapses immediately
    public void AddOfficeHours_ZeroDuration_ReturnsStart(string start)
    {
        var result = Office.AddOfficeHours(T(start), TimeSpan.Zero);

        result.ShouldBe(T(start));
        result.Offset.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void AddOfficeHours_NegativeDuration_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Office.AddOfficeHours(T("2026-01-19T12:00:00+01:00"), TimeSpan.FromMinutes(-1)));

    [Theory]
    [InlineData("2026-01-19T09:00:00+01:00", "2026-01-19T12:30:00+01:00", 3.5)] // same day
    [InlineData("2026-01-16T16:00:00+01:00", "2026-01-19T10:00:00+01:00", 3)] // Friday 16:00 -> Monday 10:00
    [InlineData("2026-01-19T18:00:00+01:00", "2026-01-20T07:00:00+01:00", 0)] // overnight
    [InlineData("2026-01-17T00:00:00+01:00", "2026-01-19T00:00:00+01:00", 0)] // weekend
    [InlineData("2026-01-19T00:00:00+01:00", "2026-01-26T00:00:00+01:00", 45)] // an ordinary week
    [InlineData("2026-04-27T00:00:00+02:00", "2026-05-04T00:00:00+02:00", 36)] // week of Koningsdag
    [InlineData("2026-05-04T00:00:00+02:00", "2026-05-11T00:00:00+02:00", 36)] // week of Bevrijdingsdag
    [InlineData("2026-05-11T00:00:00+02:00", "2026-05-18T00:00:00+02:00", 27)] // week of Hemelvaartsdag and the gelijkgestelde Friday
    [InlineData("2026-04-02T12:00:00+02:00", "2026-04-07T12:00:00+02:00", 9)] // Easter: 5 h Thursday + 4 h Tuesday
    [InlineData("2025-12-22T00:00:00+01:00", "2026-01-05T00:00:00+01:00", 54)] // Christmas fortnight: 6 working days (2 January gelijkgesteld)
    [InlineData("2026-03-27T08:00:00+01:00", "2026-03-30T17:00:00+02:00", 18)] // spring DST weekend
    [InlineData("2026-10-23T08:00:00+02:00", "2026-10-26T17:00:00+01:00", 18)] // autumn DST weekend
    [InlineData("2026-03-29T00:00:00+01:00", "2026-03-31T00:00:00+02:00", 9)] // the DST Sunday and the Monday after
    [InlineData("2026-10-25T00:00:00+02:00", "2026-10-27T00:00:00+01:00", 9)]
    [InlineData("2026-01-19T08:00:00Z", "2026-01-19T20:00:00+05:30", 6.5)] // mixed offsets: 09:00 -> 15:30 CET
    [InlineData("2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00", 2259)] // 251 working days of 9 hours
    public void OfficeTimeBetween_CountsOnlyOpenTime(string from, string to, double expectedHours) =>
        Office.OfficeTimeBetween(T(from), T(to)).ShouldBe(TimeSpan.FromHours(expectedHours));

    [Fact]
    public void OfficeTimeBetween_ReversedOrEqual_IsNegativeOrZero()
    {
        var a = T("2026-01-16T16:00:00+01:00");
        var b = T("2026-01-19T10:00:00+01:00");

        Office.OfficeTimeBetween(b, a).ShouldBe(TimeSpan.FromHours(-3));
        Office.OfficeTimeBetween(a, a).ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void AddOfficeHours_AndOfficeTimeBetween_AreInverse_AndResultIsTheEarliestSuchInstant()
    {
        var durations = new[] { 0.5, 1, 4, 8.75, 9, 13, 40, 100 }.Select(TimeSpan.FromHours).ToArray();
        for (var start = T("2026-03-20T06:45:00+01:00"); start < T("2026-04-10T00:00:00+02:00"); start = start.AddHours(7.25))
        {
            foreach (var duration in durations)
            {
                var due = Office.AddOfficeHours(start, duration);

                Office.OfficeTimeBetween(start, due).ShouldBe(duration, $"start {start:O}, duration {duration}");
                Office.IsOpen(due.AddTicks(-1)).ShouldBeTrue($"start {start:O}, duration {duration}");
            }
        }
    }

    [Fact]
    public void CustomHours_AreUsedForArithmetic()
    {
        var office = new OfficeHours(new OfficeHoursOptions { Opening = new TimeOnly(9, 0), Closing = new TimeOnly(12, 0) }, TestCalendar.WorkingDays);

        office.IsOpen(T("2026-01-19T08:30:00+01:00")).ShouldBeFalse();
        office.IsOpen(T("2026-01-19T11:59:00+01:00")).ShouldBeTrue();
        ShouldBeInstantAndOffset(office.AddOfficeHours(T("2026-01-16T11:00:00+01:00"), TimeSpan.FromHours(2)), T("2026-01-19T10:00:00+01:00"));
        office.OfficeTimeBetween(T("2026-01-19T00:00:00+01:00"), T("2026-01-26T00:00:00+01:00")).ShouldBe(TimeSpan.FromHours(15));
    }

    [Fact]
    public void CustomTimeZone_IsUsedForWallClock()
    {
        var london = new OfficeHours(new OfficeHoursOptions { TimeZoneId = "Europe/London" }, TestCalendar.WorkingDays);

        london.IsOpen(T("2026-01-19T08:00:00Z")).ShouldBeTrue(); // 08:00 GMT
        Office.IsOpen(T("2026-01-19T16:30:00Z")).ShouldBeFalse(); // 17:30 in Amsterdam
        london.IsOpen(T("2026-01-19T16:30:00Z")).ShouldBeTrue(); // 16:30 in London
        london.AddOfficeHours(T("2026-07-01T12:00:00Z"), TimeSpan.FromHours(1)).Offset.ShouldBe(TimeSpan.FromHours(1)); // BST
    }

    [Theory]
    [InlineData(17, 8)]
    [InlineData(9, 9)]
    public void Options_OpeningNotBeforeClosing_Throws(int opening, int closing) =>
        Should.Throw<ArgumentException>(() => new OfficeHours(new OfficeHoursOptions
        {
            Opening = new TimeOnly(opening, 0),
            Closing = new TimeOnly(closing, 0),
        }, TestCalendar.WorkingDays));

    [Fact]
    public void Options_UnknownTimeZone_Throws() =>
        Should.Throw<TimeZoneNotFoundException>(() => new OfficeHours(new OfficeHoursOptions { TimeZoneId = "Mars/Olympus_Mons" }, TestCalendar.WorkingDays));

    // A zone whose clock changes fall inside office hours on a Wednesday: forward 08:00 -> 09:00 on 18 March,
    // back 09:00 -> 08:00 on 21 October. Amsterdam never does this; it pins down the documented boundary rule.
    private static readonly TimeZoneInfo MidweekSwitchZone = TimeZoneInfo.CreateCustomTimeZone(
        "Test/MidweekSwitch",
        TimeSpan.FromHours(1),
        "Midweek switch",
        "Midweek standard",
        "Midweek daylight",
        [
            TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
                new DateTime(2000, 1, 1),
                new DateTime(2100, 12, 31),
                TimeSpan.FromHours(1),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 8, 0, 0), 3, 18),
                TimeZoneInfo.TransitionTime.CreateFixedDateRule(new DateTime(1, 1, 1, 9, 0, 0), 10, 21)),
        ]);

    [Fact]
    public void Opening_SkippedByForwardClockChange_IsTheMomentOfTheChange()
    {
        var office = new OfficeHours(MidweekSwitchZone, new TimeOnly(8, 30), new TimeOnly(12, 0), TestCalendar.WorkingDays);
        MidweekSwitchZone.IsInvalidTime(new DateTime(2026, 3, 18, 8, 30, 0)).ShouldBeTrue();

        office.IsOpen(T("2026-03-18T06:59:59Z")).ShouldBeFalse(); // 07:59:59 standard time
        office.IsOpen(T("2026-03-18T07:00:00Z")).ShouldBeTrue(); // the clock jumps to 09:00
        office.OfficeTimeBetween(T("2026-03-18T00:00:00Z"), T("2026-03-19T00:00:00Z")).ShouldBe(TimeSpan.FromHours(3)); // 07:00Z-10:00Z
        office.OfficeTimeBetween(T("2026-03-19T00:00:00Z"), T("2026-03-20T00:00:00Z")).ShouldBe(TimeSpan.FromHours(3.5)); // ordinary day
    }

    [Fact]
    public void Opening_RepeatedByBackwardClockChange_IsItsFirstOccurrence()
    {
        var office = new OfficeHours(MidweekSwitchZone, new TimeOnly(8, 30), new TimeOnly(12, 0), TestCalendar.WorkingDays);
        MidweekSwitchZone.IsAmbiguousTime(new DateTime(2026, 10, 21, 8, 30, 0)).ShouldBeTrue();

        office.IsOpen(T("2026-10-21T06:29:59Z")).ShouldBeFalse(); // 08:29:59 daylight time
        office.IsOpen(T("2026-10-21T06:30:00Z")).ShouldBeTrue(); // first 08:30
        office.OfficeTimeBetween(T("2026-10-21T00:00:00Z"), T("2026-10-22T00:00:00Z")).ShouldBe(TimeSpan.FromHours(4.5)); // 06:30Z-11:00Z
    }
}
