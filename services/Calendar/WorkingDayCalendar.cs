namespace Uwv.Calendar;

/// <summary>
/// The Dutch working-day calendar of the platform (Algemene termijnenwet): every day is a working day except Saturday,
/// Sunday, the general holidays of <see cref="DutchHolidays"/> (art. 3 lid 1) and the days a configured royal decree
/// equates with them (gelijkgestelde dagen, art. 3 lid 3; <see cref="EquatedDaysDecree"/>).
/// </summary>
/// <remarks>Immutable and thread-safe; the only shared state is the per-year holiday cache. None of the members allocate
/// once the holiday sets of the years involved are cached. Built once per process from configuration and injected.</remarks>
public sealed class WorkingDayCalendar
{
    /// <summary>Day numbers of the equated days that are neither a weekend day nor a general holiday, ascending and distinct:
    /// the only ones that change whether a day is a working day.</summary>
    private readonly int[] _equated;

    /// <exception cref="ArgumentException">When a decree has no name, ends before it starts, lists a day outside its
    /// period, or overlaps another decree's period.</exception>
    public WorkingDayCalendar(IEnumerable<EquatedDaysDecree> decrees)
    {
        ArgumentNullException.ThrowIfNull(decrees);
        Decrees = [.. decrees.Select(Validated).OrderBy(d => d.CoversFrom)];
        for (var i = 1; i < Decrees.Count; i++)
        {
            if (Decrees[i].CoversFrom <= Decrees[i - 1].CoversUntil)
            {
                throw new ArgumentException(
                    $"Equated-days decrees '{Decrees[i - 1].Name}' and '{Decrees[i].Name}' cover overlapping periods.", nameof(decrees));
            }
        }

        _equated = [.. Decrees.SelectMany(d => d.Days)
            .Where(day => !IsWeekend(day) && !DutchHolidays.IsHoliday(day))
            .Select(day => day.DayNumber)
            .Distinct()
            .Order()];
        CoveredUntil = Decrees.Count == 0 ? null : Decrees[^1].CoversUntil;
    }

    /// <summary>The configured decrees, by the start of their period (copies; the calendar never changes).</summary>
    public IReadOnlyList<EquatedDaysDecree> Decrees { get; }

    /// <summary>The last day the latest configured decree covers; null without any decree.</summary>
    public DateOnly? CoveredUntil { get; }

    /// <summary>Whether a configured decree equates <paramref name="date"/> with the general holidays.</summary>
    public bool IsEquatedDay(DateOnly date) => Decrees.Any(d => d.Days.Contains(date));

    /// <summary>Whether <paramref name="date"/> is neither a Saturday, a Sunday, a general holiday nor an equated day.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        !IsWeekend(date) && !DutchHolidays.Year(date.Year).Contains(date.DayNumber) && !IsEquated(date.DayNumber);

    /// <summary>The first working day strictly after <paramref name="date"/> (whether or not <paramref name="date"/> is one).</summary>
    public DateOnly NextWorkingDay(DateOnly date) => AddWorkingDays(date, 1);

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>; <paramref name="start"/> itself is never counted
    /// for <paramref name="n"/> ≥ 1 (so <c>AddWorkingDays(friday, 1)</c> is the next Monday when that is a working day).
    /// </summary>
    /// <remarks>
    /// For <paramref name="n"/> = 0 the choice is: <paramref name="start"/> when it is a working day, otherwise the next
    /// working day (i.e. <see cref="ExtendToWorkingDay"/>). The result of this method is therefore always a working day.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="n"/> is negative.</exception>
    public DateOnly AddWorkingDays(DateOnly start, int n)
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

            if (!IsWeekend(date) && !holidays.Contains(date.DayNumber) && !IsEquated(date.DayNumber))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>
    /// Algemene termijnenwet art. 1: a statutory term that would end on a Saturday, Sunday, general holiday or equated
    /// day is extended to the next working day. Returns <paramref name="end"/> when it is a working day, otherwise the
    /// first working day after it. Use it for the end date of Awb terms such as the six-week objection term.
    /// </summary>
    public DateOnly ExtendToWorkingDay(DateOnly end)
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
    /// <remarks>Computed arithmetically (whole weeks, minus the holidays per year and the equated days), not day by day.</remarks>
    /// <exception cref="ArgumentException">When <paramref name="toInclusive"/> is before <paramref name="fromExclusive"/>.</exception>
    public int CountWorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive)
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

        // Equated days are stored without weekend days and holidays, so none is subtracted twice.
        count -= EquatedBefore(last + 1) - EquatedBefore(first);
        return count;
    }

    private bool IsEquated(int dayNumber) => _equated.Length > 0 && Array.BinarySearch(_equated, dayNumber) >= 0;

    /// <summary>The number of stored equated days with a day number below <paramref name="dayNumber"/>.</summary>
    private int EquatedBefore(int dayNumber)
    {
        var index = Array.BinarySearch(_equated, dayNumber);
        return index >= 0 ? index : ~index;
    }

    private static EquatedDaysDecree Validated(EquatedDaysDecree decree)
    {
        ArgumentNullException.ThrowIfNull(decree);
        if (string.IsNullOrWhiteSpace(decree.Name))
        {
            throw new ArgumentException("An equated-days decree needs a name.", nameof(decree));
        }

        if (decree.CoversUntil < decree.CoversFrom)
        {
            throw new ArgumentException($"Equated-days decree '{decree.Name}' ends ({decree.CoversUntil:yyyy-MM-dd}) before it starts ({decree.CoversFrom:yyyy-MM-dd}).", nameof(decree));
        }

        foreach (var day in decree.Days ?? [])
        {
            if (day < decree.CoversFrom || day > decree.CoversUntil)
            {
                throw new ArgumentException(
                    $"Equated-days decree '{decree.Name}' lists {day:yyyy-MM-dd}, outside its period {decree.CoversFrom:yyyy-MM-dd} to {decree.CoversUntil:yyyy-MM-dd}.",
                    nameof(decree));
            }
        }

        return new EquatedDaysDecree
        {
            Name = decree.Name,
            CoversFrom = decree.CoversFrom,
            CoversUntil = decree.CoversUntil,
            Days = [.. (decree.Days ?? []).Distinct().Order()],
        };
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Monday to Friday days with a day number in [0, <paramref name="dayNumber"/>). Day number 0 (1 January 0001) is a Monday.</summary>
    private static int WeekdaysBefore(int dayNumber) => (dayNumber / 7 * 5) + Math.Min(dayNumber % 7, 5);
}
