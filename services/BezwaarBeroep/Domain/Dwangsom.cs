using Uwv.Calendar;

namespace Uwv.BezwaarBeroep.Domain;

/// <summary>The dwangsom of one bezwaar on a day: how many days it ran, what has accrued, what may still be added.</summary>
public sealed record DwangsomAmount(DateOnly? From, int Days, long AccruedCents, long StillPossibleCents, long MaximumCents);

/// <summary>
/// Awb 4:17. Once the beslistermijn has lapsed the client may give notice of default (ingebrekestelling). The dwangsom is
/// owed from the day after two weeks have passed since the day the notice was received (received + 15 days; a two weeks
/// that end on a weekend day, holiday or gelijkgestelde dag end on the next working day, Algemene termijnenwet art. 1),
/// for each day UWV is in default: up to and including the day asked for, or the day before the decision. None is owed
/// when the bezwaar was kennelijk niet-ontvankelijk or kennelijk ongegrond (4:17 lid 6). Pure arithmetic.
/// </summary>
public static class Dwangsom
{
    public static DateOnly FirstDay(DateOnly ingebrekestellingReceivedOn, DwangsomOptions options, WorkingDayCalendar workingDays) =>
        workingDays.ExtendToWorkingDay(ingebrekestellingReceivedOn.AddDays(options.WaitDays)).AddDays(1);

    /// <summary>The days in default on <paramref name="asOf"/>, capped at <see cref="DwangsomOptions.MaxDays"/>.</summary>
    public static int Days(DateOnly firstDay, DateOnly asOf, DateOnly? decidedOn, DwangsomOptions options)
    {
        var last = decidedOn is { } decided && decided.AddDays(-1) < asOf ? decided.AddDays(-1) : asOf;
        return last < firstDay ? 0 : Math.Min(last.DayNumber - firstDay.DayNumber + 1, options.MaxDays);
    }

    /// <summary>The amount for <paramref name="days"/> days in default, in cents, tier by tier.</summary>
    public static long AmountCents(int days, DwangsomOptions options)
    {
        var capped = Math.Clamp(days, 0, options.MaxDays);
        var first = Math.Min(capped, options.DaysPerTier);
        var second = Math.Min(capped - first, options.DaysPerTier);
        var third = capped - first - second;
        return Cents(options.FirstTierPerDay) * first + Cents(options.SecondTierPerDay) * second + Cents(options.ThirdTierPerDay) * third;
    }

    public static long MaximumCents(DwangsomOptions options) => AmountCents(options.MaxDays, options);

    /// <summary>
    /// The dwangsom on <paramref name="asOf"/>; none without an ingebrekestelling, and none when the bezwaar was decided
    /// as <paramref name="kennelijk"/> niet-ontvankelijk or ongegrond (4:17 lid 6). A decided bezwaar keeps what accrued.
    /// </summary>
    public static DwangsomAmount On(
        DateOnly? ingebrekestellingReceivedOn, DateOnly? decidedOn, bool kennelijk, DateOnly asOf, DwangsomOptions options, WorkingDayCalendar workingDays)
    {
        var maximum = MaximumCents(options);
        if (ingebrekestellingReceivedOn is not { } received || (decidedOn is not null && kennelijk))
        {
            return new DwangsomAmount(null, 0, 0, 0, maximum);
        }
        var from = FirstDay(received, options, workingDays);
        var days = Days(from, asOf, decidedOn, options);
        var accrued = AmountCents(days, options);
        return new DwangsomAmount(from, days, accrued, decidedOn is null ? maximum - accrued : 0, maximum);
    }

    private static long Cents(decimal euros) => (long)decimal.Round(euros * 100m, MidpointRounding.AwayFromZero);
}
