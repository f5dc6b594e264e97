using System.Collections.Concurrent;
using System.Collections.ObjectModel;

namespace Uwv.Calendar;

/// <summary>
/// The general holidays (algemeen erkende feestdagen) that this platform treats as non-working days,
/// after art. 3 of the Algemene termijnenwet as this project defines them:
/// Nieuwjaarsdag (1 January), Goede Vrijdag (Easter − 2), Tweede Paasdag (Easter + 1),
/// Koningsdag (27 April, or 26 April when 27 April is a Sunday), Bevrijdingsdag (5 May),
/// Hemelvaartsdag (Easter + 39), Tweede Pinksterdag (Easter + 50), Eerste Kerstdag (25 December)
/// and Tweede Kerstdag (26 December).
/// </summary>
/// <remarks>
/// <para>
/// Bevrijdingsdag (5 May) is a general holiday EVERY year in this project, as in the Algemene termijnenwet,
/// not only every fifth year as in many collective labour agreements.
/// </para>
/// <para>
/// Eerste Paasdag and Eerste Pinksterdag are not listed: they are Sundays, which are non-working days anyway.
/// A holiday that falls on a Saturday or Sunday (e.g. Koningsdag on Saturday 26 April 2025) is still listed.
/// Easter is computed with the Gregorian computus. The rules are applied uniformly to every year
/// (1–9999); they are the project's definition, not a history of Dutch holidays (e.g. Koninginnedag before 2014).
/// </para>
/// <para>Holiday sets are computed once per year and cached; all members are thread-safe.</para>
/// </remarks>
public static class DutchHolidays
{
    private static readonly ConcurrentDictionary<int, HolidayYear> Cache = new();

    /// <summary>The holidays of <paramref name="year"/> in date order (nine entries; two may share a date,
    /// e.g. Hemelvaartsdag and Bevrijdingsdag on 5 May 2016).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="year"/> is outside 1–9999.</exception>
    public static IReadOnlyList<DutchHoliday> For(int year) => Year(year).Holidays;

    /// <summary>Whether <paramref name="date"/> is one of the general holidays (whatever day of the week it is).</summary>
    public static bool IsHoliday(DateOnly date) => Year(date.Year).Contains(date.DayNumber);

    /// <summary>Easter Sunday of <paramref name="year"/> (Gregorian calendar; anonymous Gregorian computus).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="year"/> is outside 1–9999.</exception>
    public static DateOnly EasterSunday(int year)
    {
        ValidateYear(year);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The cached holiday set of a year (no allocation after the first call for that year).</summary>
    internal static HolidayYear Year(int year)
    {
        if (Cache.TryGetValue(year, out var cached))
        {
            return cached;
        }

        ValidateYear(year);
        return Cache.GetOrAdd(year, static y => Compute(y));
    }

    private static HolidayYear Compute(int year)
    {
        var easter = EasterSunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            kingsDay = new DateOnly(year, 4, 26);
        }

        DutchHoliday[] holidays =
        [
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            new(easter.AddDays(-2), "Goede Vrijdag"),
            new(easter.AddDays(1), "Tweede Paasdag"),
            new(kingsDay, "Koningsdag"),
            new(new DateOnly(year, 5, 5), "Bevrijdingsdag"),
            new(easter.AddDays(39), "Hemelvaartsdag"),
            new(easter.AddDays(50), "Tweede Pinksterdag"),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        ];

        // OrderBy is stable: holidays sharing a date keep the order above.
        var ordered = holidays.OrderBy(h => h.Date).ToArray();
        var dayNumbers = ordered.Select(h => h.Date.DayNumber).Distinct().ToArray();
        return new HolidayYear(year, new ReadOnlyCollection<DutchHoliday>(ordered), dayNumbers);
    }

    private static void ValidateYear(int year)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 1 and 9999.");
        }
    }

    /// <summary>One year's holidays; <see cref="DayNumbers"/> are distinct and ascending for allocation-free lookups.</summary>
    internal sealed class HolidayYear(int year, IReadOnlyList<DutchHoliday> holidays, int[] dayNumbers)
    {
        public int Year { get; } = year;
        public IReadOnlyList<DutchHoliday> Holidays { get; } = holidays;
        public ReadOnlySpan<int> DayNumbers => dayNumbers;

        public bool Contains(int dayNumber) => dayNumbers.AsSpan().Contains(dayNumber);
    }
}
