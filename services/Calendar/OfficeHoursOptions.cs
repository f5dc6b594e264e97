namespace Uwv.Calendar;

/// <summary>
/// Office hours of the platform: open from <see cref="Opening"/> (inclusive) to <see cref="Closing"/> (exclusive),
/// wall-clock time in <see cref="TimeZoneId"/>, on the working days of <see cref="WorkingDayCalendar"/> (holidays by rule, gelijkgestelde dagen by <see cref="EquatedDaysOptions"/>).
/// </summary>
public sealed class OfficeHoursOptions
{
    public const string Section = "OfficeHours";

    /// <summary>IANA (or, on Windows, Windows) time-zone id; resolved with <see cref="TimeZoneInfo.FindSystemTimeZoneById"/>.</summary>
    public string TimeZoneId { get; set; } = "Europe/Amsterdam";

    /// <summary>Local time at which the office opens. Must be before <see cref="Closing"/>.</summary>
    public TimeOnly Opening { get; set; } = new(8, 0);

    /// <summary>Local time at which the office closes (the office is closed from this moment).</summary>
    public TimeOnly Closing { get; set; } = new(17, 0);
}
