using Uwv.Calendar;
using Uwv.ServiceDefaults.Contacts;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>When a norm's deadline warns and when it is due; stored in UTC (PostgreSQL keeps instants without their offset).</summary>
public sealed record NormTerm
{
    public NormTerm(DateTimeOffset? warnAt, DateTimeOffset dueAt)
    {
        WarnAt = warnAt?.ToUniversalTime();
        DueAt = dueAt.ToUniversalTime();
    }

    public DateTimeOffset? WarnAt { get; }
    public DateTimeOffset DueAt { get; }
}

/// <summary>
/// The terms of the service norms (seed 003, seed 004, Awb 7:10). Pure: every working day and office hour comes from the
/// injected calendar. A norm on a date is due at the close of that office day and warns at the opening of its warning day.
/// </summary>
public static class NormTerms
{
    /// <summary>A terugbelverzoek warns 4 hours before its 24 hours end; a WW question 1 office hour before its 4 end.</summary>
    public static readonly TimeSpan TerugbelWarnBefore = TimeSpan.FromHours(4);
    public static readonly TimeSpan WwWarnAfter = TimeSpan.FromHours(3);
    public const int BezwaarContactWarnWorkingDays = 1;
    public const int BeslistermijnWarnWorkingDays = 10;
    public const int HerkeuringCallDays = 5;
    public const int HerkeuringWarnDays = 1;
    public const int HerbeoordelingsverzoekWarnWorkingDays = 2;
    public const int Wga80100WarnDays = 30;

    public static NormTerm Terugbelverzoek(DateTimeOffset requestedAt, bool wwQuestion, OfficeHours office)
    {
        var due = TerugbelTermijn.DueAt(requestedAt, wwQuestion, office);
        var warn = wwQuestion ? office.AddOfficeHours(requestedAt, WwWarnAfter) : due - TerugbelWarnBefore;
        return new NormTerm(warn, due);
    }

    /// <summary>Contact within 5 working days of receipt (the bezwaar's ContactDueOn); warned the working day before.</summary>
    public static NormTerm BezwaarContact(DateOnly contactDueOn, OfficeHours office) =>
        OnDay(contactDueOn, WorkingDaysBefore(contactDueOn, BezwaarContactWarnWorkingDays, office.WorkingDays), office);

    /// <summary>Due at the end of the beslistermijn's last day; warned 10 working days before it.</summary>
    public static NormTerm Beslistermijn(DateOnly endsOn, OfficeHours office) =>
        OnDay(endsOn, WorkingDaysBefore(endsOn, BeslistermijnWarnWorkingDays, office.WorkingDays), office);

    /// <summary>Seed 003: call within 5 calendar days of receipt, weekends and holidays included; warned the day before.</summary>
    public static DateOnly HerkeuringCallDue(DateOnly receivedOn) => receivedOn.AddDays(HerkeuringCallDays);

    public static NormTerm HerkeuringCall(DateOnly receivedOn, OfficeHours office)
    {
        var due = HerkeuringCallDue(receivedOn);
        return OnDay(due, due.AddDays(-HerkeuringWarnDays), office);
    }

    /// <summary>SMZ answers within the configured working days of receipt; warned 2 working days before.</summary>
    public static NormTerm Herbeoordelingsverzoek(DateTimeOffset receivedAt, int workingDays, OfficeHours office)
    {
        if (workingDays < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, "the herbeoordelingsverzoek norm is at least one working day");
        }
        var due = office.WorkingDays.AddWorkingDays(office.DateOf(receivedAt), workingDays);
        var warn = WorkingDaysBefore(due, Math.Min(HerbeoordelingsverzoekWarnWorkingDays, workingDays - 1), office.WorkingDays);
        return OnDay(due, warn, office);
    }

    /// <summary>The yearly WGA 80-100 contact is due on its day; warned 30 days before.</summary>
    public static NormTerm Wga80100Contact(DateOnly nextContactDueOn, OfficeHours office) =>
        OnDay(nextContactDueOn, nextContactDueOn.AddDays(-Wga80100WarnDays), office);

    /// <summary>The close of the office on <paramref name="day"/> (local time): a date deadline is met on that whole day.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, OfficeHours office) => Local(day, office.Closing, office);

    /// <summary>The working day <paramref name="n"/> working days before <paramref name="day"/> (the day itself not counted).</summary>
    public static DateOnly WorkingDaysBefore(DateOnly day, int n, WorkingDayCalendar workingDays)
    {
        var date = day;
        for (var remaining = n; remaining > 0;)
        {
            date = date.AddDays(-1);
            if (workingDays.IsWorkingDay(date))
            {
                remaining--;
            }
        }
        return date;
    }

    private static NormTerm OnDay(DateOnly dueOn, DateOnly warnOn, OfficeHours office) =>
        new(Local(warnOn, office.Opening, office), EndOfDay(dueOn, office));

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, OfficeHours office)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, office.TimeZone.GetUtcOffset(local));
    }
}
