using Uwv.ServiceDefaults.Calendar;

namespace Uwv.BezwaarBeroep.Domain;

/// <summary>The terms of one bezwaar, as computed by <see cref="Beslistermijn.Compute"/>.</summary>
public sealed record BezwaarTerms(DateOnly BezwaartermijnEndsOn, bool FiledOnTime, DateOnly BeslistermijnCountsFrom, DateOnly BeslistermijnEndsOn);

/// <summary>
/// The Awb terms of a bezwaar. Pure arithmetic on calendar dates:
/// <list type="bullet">
/// <item>Bezwaartermijn (Awb 6:7, 6:8): six weeks, from the day after the decision was sent (bekendmaking); so its
/// last day is the send date plus 42 days, extended to the next working day (Algemene termijnenwet art. 1).</item>
/// <item>Beslistermijn (Awb 7:10): six weeks, or twelve with an advisory committee (7:13), counted from the day after
/// the bezwaartermijn ended; for a bezwaar received after that, from the day after its receipt. Plus one verdaging of
/// at most six weeks (7:10 lid 3) and the days the term was suspended for herstel verzuim (4:15). The end is extended
/// to the next working day (Algemene termijnenwet art. 1) once, after all additions.</item>
/// </list>
/// </summary>
public static class Beslistermijn
{
    public const int BezwaartermijnWeeks = 6;
    public const int Weeks = 6;
    public const int WeeksWithAdvisoryCommittee = 12;
    public const int MaxVerdagingWeeks = 6;

    public static DateOnly BezwaartermijnEnd(DateOnly decisionSentOn) =>
        WorkingDays.ExtendToWorkingDay(decisionSentOn.AddDays(BezwaartermijnWeeks * 7));

    public static BezwaarTerms Compute(DateOnly decisionSentOn, DateOnly receivedOn, bool advisoryCommittee, int verdagingWeeks, int opschortingDays)
    {
        var bezwaartermijnEnd = BezwaartermijnEnd(decisionSentOn);
        // The term runs from the day after this date: the last day of the bezwaartermijn, or the day of a late receipt.
        var countsFromDayAfter = receivedOn > bezwaartermijnEnd ? receivedOn : bezwaartermijnEnd;
        var days = (advisoryCommittee ? WeeksWithAdvisoryCommittee : Weeks) * 7 + verdagingWeeks * 7 + opschortingDays;
        var end = WorkingDays.ExtendToWorkingDay(countsFromDayAfter.AddDays(days));
        return new BezwaarTerms(bezwaartermijnEnd, receivedOn <= bezwaartermijnEnd, countsFromDayAfter.AddDays(1), end);
    }

    /// <summary>
    /// Awb 4:15: the term is suspended from the day after the client was asked to repair a defect until (not including)
    /// the day it was repaired. Asked on a Monday, repaired the next Monday: Tuesday to Sunday, 6 days.
    /// </summary>
    public static int OpschortingDays(DateOnly requestedOn, DateOnly repairedOn) =>
        Math.Max(0, repairedOn.DayNumber - requestedOn.DayNumber - 1);

    /// <summary>The first contact with the client is due within 5 working days of receipt (seed 004).</summary>
    public static DateOnly ContactDue(DateOnly receivedOn) => WorkingDays.AddWorkingDays(receivedOn, 5);
}
