using Uwv.Calendar;
using Uwv.ServiceDefaults.Calendar;

namespace Uwv.UnitTests.Calendar;

/// <summary>The platform's calendar as config/platform.json configures it (the decrees of gelijkgestelde dagen included).</summary>
internal static class TestCalendar
{
    public static readonly OfficeHours Office = CalendarExtensions.FromPlatformFile();

    public static WorkingDayCalendar WorkingDays => Office.WorkingDays;

    /// <summary>A calendar without any decree: only weekends and the general holidays are non-working days.</summary>
    public static readonly WorkingDayCalendar HolidaysOnly = new([]);
}
