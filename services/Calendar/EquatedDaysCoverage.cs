namespace Uwv.Calendar;

/// <summary>Whether the configured decrees of gelijkgestelde dagen still cover the coming months, as of a day.</summary>
/// <param name="CoveredUntil">The last day the latest decree covers; null without any decree.</param>
/// <param name="DaysLeft">Days from <c>today</c> to <see cref="CoveredUntil"/> (negative once it has passed; 0 without any decree).</param>
/// <param name="EndsSoon">The coverage ends within the warning period (or there is none): a new decree must be configured.</param>
public sealed record EquatedDaysCoverage(DateOnly? CoveredUntil, int DaysLeft, bool EndsSoon)
{
    /// <summary>
    /// The coverage of <paramref name="calendar"/> as of <paramref name="today"/>: it ends soon when its last day is before
    /// <paramref name="today"/> plus <paramref name="warnMonths"/> months, e.g. coverage until 2028-12-31 ends soon from
    /// 2028-07-01 with six months.
    /// </summary>
    public static EquatedDaysCoverage Of(WorkingDayCalendar calendar, DateOnly today, int warnMonths)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfNegative(warnMonths);
        if (calendar.CoveredUntil is not { } until)
        {
            return new EquatedDaysCoverage(null, 0, true);
        }

        return new EquatedDaysCoverage(until, until.DayNumber - today.DayNumber, until < today.AddMonths(warnMonths));
    }

    /// <summary>What an operator reads (health detail, log warning).</summary>
    public string Describe() => CoveredUntil is not { } until
        ? "no decree of gelijkgestelde dagen (Atw art. 3 lid 3) is configured: configure EquatedDays:Decrees"
        : EndsSoon
            ? $"the configured decrees of gelijkgestelde dagen (Atw art. 3 lid 3) cover the days up to {until:yyyy-MM-dd}: configure the next decree"
            : $"gelijkgestelde dagen configured up to {until:yyyy-MM-dd}";
}
