using Uwv.Calendar;

namespace Uwv.Smz.Domain;

/// <summary>
/// Herkeuringsaanvraag (seed 003): the procesbegeleider calls the client within five (working) days to explain that a
/// herkeuring can go both ways. Only a call that reaches the client meets it. Pure rules.
/// </summary>
public static class HerkeuringSla
{
    public const int WorkingDaysToCall = 5;

    public static DateOnly CallDue(DateOnly receivedOn, WorkingDayCalendar workingDays) => workingDays.AddWorkingDays(receivedOn, WorkingDaysToCall);

    /// <summary>Late: called after the due day, or not called and the due day has passed.</summary>
    public static bool IsLate(DateOnly callDueOn, DateOnly? calledOn, DateOnly today) =>
        calledOn is { } called ? called > callDueOn : today > callDueOn;
}
