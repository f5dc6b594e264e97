using Uwv.Calendar;

namespace Uwv.Handover.Domain;

/// <summary>
/// SLA deadlines: the end of office hours on the n-th working day after an instant (Europe/Amsterdam), returned in UTC
/// (PostgreSQL stores timestamptz in UTC only).
/// </summary>
public static class SlaClock
{
    public static DateTimeOffset Deadline(DateTimeOffset from, int workingDays, OfficeHours office)
    {
        var localDay = office.DateOf(from);
        var day = office.WorkingDays.AddWorkingDays(localDay, workingDays);
        var local = day.ToDateTime(office.Closing, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, office.TimeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}
