namespace Uwv.Calendar;

/// <summary>
/// Office-hours arithmetic on instants: the office is open on every working day (<see cref="WorkingDayCalendar"/>) from
/// the opening time (inclusive) to the closing time (exclusive), wall-clock time in the configured time zone
/// (default Europe/Amsterdam, 08:00–17:00).
/// </summary>
/// <remarks>
/// <para>
/// All arithmetic is done on instants, so it is correct across daylight-saving changes: an office day is always
/// its wall-clock length (9 hours by default), also on the Monday after a switch. Inputs may carry any offset.
/// Results are returned with the office time zone's UTC offset in force at that instant (e.g. +01:00 or +02:00
/// for Amsterdam), i.e. as local office time; compare them as instants.
/// </para>
/// <para>
/// Should an opening or closing time not exist on a day (skipped by a forward clock change), the boundary is the
/// moment of the change; should it occur twice (backward change), the boundary is its first occurrence. In both cases
/// the boundary is the first instant at which the wall clock reads the configured time or later.
/// This never happens with the Amsterdam defaults (clock changes are at night and on Sundays).
/// </para>
/// <para>Immutable and thread-safe. Nothing reads the current time: callers pass instants (e.g. from a TimeProvider).
/// Built once per process from configuration (sections OfficeHours and EquatedDays) and injected where it is used.</para>
/// </remarks>
public sealed class OfficeHours
{
    private readonly TimeZoneInfo _zone;

    /// <exception cref="TimeZoneNotFoundException">When the time-zone id is unknown.</exception>
    /// <exception cref="ArgumentException">When the opening time is not before the closing time.</exception>
    public OfficeHours(OfficeHoursOptions options, WorkingDayCalendar workingDays)
        : this(FindZone(options), options.Opening, options.Closing, workingDays)
    {
    }

    internal OfficeHours(TimeZoneInfo zone, TimeOnly opening, TimeOnly closing, WorkingDayCalendar workingDays)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(workingDays);
        if (opening >= closing)
        {
            throw new ArgumentException($"Opening ({opening:HH:mm}) must be before closing ({closing:HH:mm}).", nameof(opening));
        }

        _zone = zone;
        Opening = opening;
        Closing = closing;
        WorkingDays = workingDays;
    }

    /// <summary>The working days on which the office opens (weekends, holidays and gelijkgestelde dagen excluded).</summary>
    public WorkingDayCalendar WorkingDays { get; }

    public TimeZoneInfo TimeZone => _zone;
    public TimeOnly Opening { get; }
    public TimeOnly Closing { get; }

    /// <summary>Whether the office is open at <paramref name="instant"/> (opening inclusive, closing exclusive).</summary>
    public bool IsOpen(DateTimeOffset instant)
    {
        var day = DateOf(instant);
        return WorkingDays.IsWorkingDay(day)
            && instant >= Boundary(day, Opening)
            && instant < Boundary(day, Closing);
    }

    /// <summary>
    /// The earliest instant at which <paramref name="duration"/> of open office time has elapsed since
    /// <paramref name="start"/>, counting only open time; returned with the office time zone's offset.
    /// E.g. Friday 16:00 plus 4 office hours is Monday 11:00 (Monday a working day); Monday 08:00 plus 9 hours is
    /// Monday 17:00 (closing), not Tuesday 08:00. A start outside office hours counts from the next opening.
    /// A zero duration returns <paramref name="start"/> itself (in office time), even outside office hours.
    /// Invariant: <c>OfficeTimeBetween(start, AddOfficeHours(start, d)) == d</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="duration"/> is negative.</exception>
    public DateTimeOffset AddOfficeHours(DateTimeOffset start, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        if (duration == TimeSpan.Zero)
        {
            return ToOfficeTime(start);
        }

        var now = start;
        var remaining = duration;
        var day = WorkingDays.ExtendToWorkingDay(DateOf(start));
        while (true)
        {
            var open = Boundary(day, Opening);
            var close = Boundary(day, Closing);
            if (now < open)
            {
                now = open;
            }

            if (now < close)
            {
                var available = close - now;
                if (remaining <= available)
                {
                    return ToOfficeTime(now + remaining);
                }

                remaining -= available;
            }

            day = WorkingDays.NextWorkingDay(day);
        }
    }

    /// <summary>
    /// The open office time between two instants (e.g. for KPI latency "in office hours").
    /// Antisymmetric: negative when <paramref name="to"/> is before <paramref name="from"/>; zero when equal.
    /// </summary>
    public TimeSpan OfficeTimeBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to < from)
        {
            return -OfficeTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        var last = DateOf(to);
        for (var day = WorkingDays.ExtendToWorkingDay(DateOf(from)); day <= last; day = WorkingDays.NextWorkingDay(day))
        {
            var open = Boundary(day, Opening);
            var close = Boundary(day, Closing);
            var begin = from > open ? from : open;
            var end = to < close ? to : close;
            if (end > begin)
            {
                total += end - begin;
            }
        }

        return total;
    }

    /// <summary>
    /// The first instant of the office's calendar <paramref name="day"/>: its local midnight, with the UTC offset in
    /// force on that day (so a day after a clock change starts an hour earlier or later in UTC than the day before);
    /// returned with the office time zone's offset. The day runs up to <c>StartOfDay(day.AddDays(1))</c> (exclusive).
    /// </summary>
    public DateTimeOffset StartOfDay(DateOnly day) => ToOfficeTime(Boundary(day, TimeOnly.MinValue));

    /// <summary>The office's calendar date at <paramref name="instant"/> (so 23:30 UTC in winter is already the next day).</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, _zone).DateTime);

    private DateTimeOffset ToOfficeTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>The first instant on local <paramref name="day"/> at which the wall clock reads <paramref name="time"/> or later.</summary>
    private DateTimeOffset Boundary(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (_zone.IsAmbiguousTime(local))
        {
            // Occurs twice: the first occurrence has the larger offset.
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            return new DateTimeOffset(local, offsets.Max());
        }

        if (!_zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, _zone.GetUtcOffset(local));
        }

        // Skipped by a forward change: find the change itself, the first instant whose wall clock reads >= local.
        // Around a forward change that predicate is monotonic in the instant, so bisect (on ticks) between two days apart.
        var guess = local.Ticks - _zone.BaseUtcOffset.Ticks;
        var low = guess - TimeSpan.TicksPerDay;
        var high = guess + TimeSpan.TicksPerDay;
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (WallClockTicks(middle) >= local.Ticks)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return new DateTimeOffset(high, TimeSpan.Zero);
    }

    private long WallClockTicks(long utcTicks)
    {
        var utc = new DateTime(utcTicks, DateTimeKind.Utc);
        return utcTicks + _zone.GetUtcOffset(utc).Ticks;
    }

    private static TimeZoneInfo FindZone(OfficeHoursOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
    }
}
