using Uwv.Calendar;

namespace Uwv.BezwaarBeroep.Domain;

/// <summary>The terms of one bezwaar, as computed by <see cref="Beslistermijn.Compute"/>.</summary>
public sealed record BezwaarTerms(DateOnly BezwaartermijnEndsOn, bool FiledOnTime, DateOnly BeslistermijnCountsFrom, DateOnly BeslistermijnEndsOn);

/// <summary>How a bezwaarschrift arrived: the day it was received and, when it came by post, the postmark date (poststempel).</summary>
public sealed record Receipt(DateOnly ReceivedOn, DateOnly? PostmarkDate = null);

/// <summary>
/// The Awb terms of a bezwaar. Pure arithmetic on calendar dates:
/// <list type="bullet">
/// <item>Bezwaartermijn (Awb 6:7, 6:8): six weeks, from the day after the decision was sent (bekendmaking); so its
/// last day is the send date plus 42 days, extended to the next working day (Algemene termijnenwet art. 1; weekends,
/// general holidays and gelijkgestelde dagen). On time (6:9): received by its last day, or posted by its last day and
/// received no later than a week after it (6:9 lid 2).</item>
/// <item>Beslistermijn (Awb 7:10): six weeks, or twelve with an advisory committee (7:13), counted from the day after
/// the bezwaartermijn ended; for a bezwaar received after that, from the day after its receipt. Plus one verdaging of
/// at most six weeks (7:10 lid 3), any further uitstel with the client's consent (7:10 lid 4) and the days the term was
/// suspended for herstel verzuim (4:15). The end is extended
/// to the next working day (Algemene termijnenwet art. 1) once, after all additions.</item>
/// </list>
/// </summary>
public static class Beslistermijn
{
    public const int BezwaartermijnWeeks = 6;
    public const int Weeks = 6;
    public const int WeeksWithAdvisoryCommittee = 12;
    public const int MaxVerdagingWeeks = 6;
    /// <summary>A further uitstel with the client's consent (7:10 lid 4) has no statutory maximum; one record covers at most a year.</summary>
    public const int MaxUitstelWeeks = 52;
    /// <summary>Awb 6:9 lid 2: a posted bezwaarschrift received no later than a week after the term ended is on time.</summary>
    public const int PostalGraceDays = 7;

    public static DateOnly BezwaartermijnEnd(DateOnly decisionSentOn, WorkingDayCalendar workingDays) =>
        workingDays.ExtendToWorkingDay(decisionSentOn.AddDays(BezwaartermijnWeeks * 7));

    /// <summary>
    /// Awb 6:9: on time when received by the last day of the bezwaartermijn (lid 1), or, sent by post, posted by that
    /// day and received no later than a week after it (lid 2).
    /// </summary>
    public static bool FiledOnTime(DateOnly bezwaartermijnEnd, Receipt receipt) =>
        receipt.ReceivedOn <= bezwaartermijnEnd
        || (receipt.PostmarkDate is { } posted && posted <= bezwaartermijnEnd && receipt.ReceivedOn <= bezwaartermijnEnd.AddDays(PostalGraceDays));

    public static BezwaarTerms Compute(
        DateOnly decisionSentOn, Receipt receipt, bool advisoryCommittee, int verdagingWeeks, int uitstelWeeks, int opschortingDays, WorkingDayCalendar workingDays)
    {
        var receivedOn = receipt.ReceivedOn;
        var bezwaartermijnEnd = BezwaartermijnEnd(decisionSentOn, workingDays);
        // The term runs from the day after this date: the last day of the bezwaartermijn, or the day of a later receipt.
        var countsFromDayAfter = receivedOn > bezwaartermijnEnd ? receivedOn : bezwaartermijnEnd;
        var days = (advisoryCommittee ? WeeksWithAdvisoryCommittee : Weeks) * 7 + (verdagingWeeks + uitstelWeeks) * 7 + opschortingDays;
        var end = workingDays.ExtendToWorkingDay(countsFromDayAfter.AddDays(days));
        return new BezwaarTerms(bezwaartermijnEnd, FiledOnTime(bezwaartermijnEnd, receipt), countsFromDayAfter.AddDays(1), end);
    }

    /// <summary>
    /// Awb 4:15: the term is suspended from the day after the client was asked to repair a defect until (not including)
    /// the day it was repaired. Asked on a Monday, repaired the next Monday: Tuesday to Sunday, 6 days.
    /// </summary>
    public static int OpschortingDays(DateOnly requestedOn, DateOnly repairedOn) =>
        Math.Max(0, repairedOn.DayNumber - requestedOn.DayNumber - 1);

    /// <summary>The first contact with the client is due within 5 working days of receipt (seed 004).</summary>
    public static DateOnly ContactDue(DateOnly receivedOn, WorkingDayCalendar workingDays) => workingDays.AddWorkingDays(receivedOn, 5);
}
