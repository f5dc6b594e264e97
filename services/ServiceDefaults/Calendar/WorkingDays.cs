namespace Uwv.ServiceDefaults.Calendar;

/// <summary>
/// The Dutch working-day calendar of the platform: every day is a working day except Saturday, Sunday
/// and the general holidays of <see cref="DutchHolidays"/> (Algemene termijnenwet, as this project defines it).
/// </summary>
/// <remarks>Pure and thread-safe; the only state is the per-year holiday cache. None of the members allocate
/// once the holiday sets of the years involved are cached.</remarks>
public static class WorkingDays
{
    /// <summary>Whether <paramref name="date"/> is neither a Saturday, a Sunday nor a general holiday.</summary>
    public static bool IsWorkingDay(DateOnly date) =>
        !IsWeekend(date) && !DutchHolidays.Year(date.Year).Contains(date.DayNumber);

    /// <summary>The first working day strictly after <paramref name="date"/> (whether or not <paramref name="date"/> is one).</summary>
    public static DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>; <paramref name="start"/> itself is never counted
    /// for <paramref name="n"/> ≥ 1 (so <c>AddWorkingDays(friday, 1)</c> is the next Monday when that is a working day).
    /// </summary>
    /// <remarks>
    /// For <paramref name="n"/> = 0 the choice is: <paramref name="start"/> when it is a working day, otherwise the next
    /// working day (i.e. <see cref="ExtendToWorkingDay"/>). The result of this method is therefore always a working day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="n"/> is negative.</exception>
    public static DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
        {
            return ExtendToWorkingDay(start);
        }

        var date = start;
        var holidays = DutchHolidays.Year(date.Year);
        var remaining = n;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (date.Year != holidays.Year)
            {
                holidays = DutchHolidays.Year(date.Year);
            }

            if (!IsWeekend(date) && !holidays.Contains(date.DayNumber))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// Algemene termijnenwet art. 1: a statutory term that would end on a Saturday, Sunday or general holiday is
    /// extended to the next working day. Returns <paramref name="end"/> when it is a working day, otherwise the first
    /// working day after it. Use it for the end date of Awb terms such as the six-week objection term.
    /// </summary>
    public static DateOnly ExtendToWorkingDay(DateOnly end)
    {
        var date = end;
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>
    /// The number of working days in the interval (<paramref name="fromExclusive"/>, <paramref name="toInclusive"/>]:
    /// <paramref name="fromExclusive"/> is not counted, <paramref name="toInclusive"/> is. Zero when both are equal.
    /// For every working day <c>d</c> after <c>s</c>: <c>AddWorkingDays(s, CountWorkingDaysBetween(s, d)) == d</c>.
    /// </summary>
    /// <remarks>Computed arithmetically (whole weeks plus the holidays per year), not day by day.</remarks>
    /// <exception cref="ArgumentException">When <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/>.</exception>
    public static int CountWorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
    {
        if (toInclusive < fromExclusive)
        {
            throw new ArgumentException(
                $"{nameof(toInclusive)} ({toInclusive:yyyy-MM-dd}) is before {nameof(fromExclusive)} ({fromExclusive:yyyy-MM-dd}).",
                nameof(toInclusive));
        }

        var first = fromExclusive.DayNumber + 1;
        var last = toInclusive.DayNumber;
        var count = WeekdaysBefore(last + 1) - WeekdaysBefore(first);
        for (var year = fromExclusive.Year; year <= toInclusive.Year; year++)
        {
            foreach (var dayNumber in DutchHolidays.Year(year).DayNumbers)
            {
                if (dayNumber >= first && dayNumber <= last && !IsWeekend(DateOnly.FromDayNumber(dayNumber)))
                {
                    count--;
                }
            }
        }

        return count;
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Monday to Friday days with a day number in [0, <paramref name="dayNumber"/>). Day number 0 (1 January 0001) is a Monday.</summary>
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);
}
