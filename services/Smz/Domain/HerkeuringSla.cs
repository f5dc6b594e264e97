using Uwv.ServiceDefaults.Deadlines;

namespace Uwv.Smz.Domain;

/// <summary>
/// Herkeuringsaanvraag (seed 003): the procesbegeleider calls the client within five days to explain that a herkeuring
/// can go both ways. Calendar days, not working days: received on a Friday, the call is due on Wednesday. Only a call
/// that reaches the client meets it. Pure rules.
/// </summary>
public static class HerkeuringSla
{
    public const int DaysToCall = NormTerms.HerkeuringCallDays;

    public static DateOnly CallDue(DateOnly receivedOn) => NormTerms.HerkeuringCallDue(receivedOn);

    /// <summary>Late: called after the due day, or not called and the due day has passed.</summary>
    public static bool IsLate(DateOnly callDueOn, DateOnly? calledOn, DateOnly today) =>
        calledOn is { } called ? called > callDueOn : today > callDueOn;
}
