using Uwv.ServiceDefaults.Calendar;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>Calendar dates as the office sees them (the office time zone, Europe/Amsterdam by default).</summary>
public static class OfficeDate
{
    public static DateOnly Today(OfficeHours office, DateTimeOffset now) => office.DateOf(now);
}
