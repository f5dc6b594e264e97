using Uwv.ServiceDefaults.Deadlines;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Deadlines;

/// <summary>The norms' due and warning moments, on the platform's calendar (Europe/Amsterdam, office 08:00-17:00).</summary>
public sealed class NormTermsTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    internal static DateTimeOffset At(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Terugbelverzoek_IsDueIn24Hours_WarnedFourHoursBefore()
    {
        var term = NormTerms.Terugbelverzoek(At(2026, 3, 2, 10), wwQuestion: false, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 3, 3, 10));
        term.WarnAt.ShouldBe(At(2026, 3, 3, 6));
    }

    [Fact]
    public void Terugbelverzoek_WwQuestion_IsDueInFourOfficeHours_WarnedAfterThree()
    {
        // Monday 15:00: two office hours on Monday, two on Tuesday from 08:00.
        var term = NormTerms.Terugbelverzoek(At(2026, 3, 2, 15), wwQuestion: true, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 3, 3, 10));
        term.WarnAt.ShouldBe(At(2026, 3, 3, 9));
    }

    [Fact]
    public void Terugbelverzoek_WwQuestion_OverEaster_CountsOnlyOfficeHours()
    {
        // Thursday 2 April 2026 15:00: two office hours on Thursday; Goede Vrijdag and Paasmaandag are not working days.
        var term = NormTerms.Terugbelverzoek(At(2026, 4, 2, 15), wwQuestion: true, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 4, 7, 10));
    }

    [Fact]
    public void BezwaarContact_IsDueAtTheCloseOfItsFifthWorkingDay_WarnedTheWorkingDayBefore()
    {
        // Received Thursday 30 April 2026; Bevrijdingsdag (5 May) is not counted: due Friday 8 May.
        var due = Uwv.BezwaarBeroep.Domain.Beslistermijn.ContactDue(D(2026, 4, 30), TestCalendar.WorkingDays);
        due.ShouldBe(D(2026, 5, 8));
        var term = NormTerms.BezwaarContact(due, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 5, 8, 17));
        term.WarnAt.ShouldBe(At(2026, 5, 7, 8));
    }

    [Fact]
    public void Beslistermijn_IsWarnedTenWorkingDaysBeforeItEnds()
    {
        var term = NormTerms.Beslistermijn(D(2026, 6, 29), TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 6, 29, 17));
        term.WarnAt.ShouldBe(At(2026, 6, 15, 8));
    }

    [Fact]
    public void Beslistermijn_WarningDay_SkipsHolidaysAndGelijkgesteldeDagen()
    {
        // Ends Friday 29 May 2026: Pinkstermaandag (25 May), the gelijkgestelde Friday (15 May) and Hemelvaartsdag (14 May)
        // are not working days, so the tenth working day before it is Tuesday 12 May.
        NormTerms.Beslistermijn(D(2026, 5, 29), TestCalendar.Office).WarnAt.ShouldBe(At(2026, 5, 12, 8));
    }

    [Theory]
    [InlineData(2026, 3, 6, 2026, 3, 11)] // Friday: the weekend counts, due Wednesday
    [InlineData(2026, 4, 30, 2026, 5, 5)] // due on Bevrijdingsdag itself: calendar days
    [InlineData(2026, 12, 29, 2027, 1, 3)] // over Nieuwjaarsdag, due on a Sunday
    public void HerkeuringCall_IsDueFiveCalendarDaysAfterReceipt_NotWorkingDays(int y, int m, int d, int dy, int dm, int dd)
    {
        var term = NormTerms.HerkeuringCall(D(y, m, d), TestCalendar.Office);
        term.DueAt.ShouldBe(At(dy, dm, dd, 17));
        term.WarnAt.ShouldBe(At(dy, dm, dd, 8).AddDays(-1));
    }

    [Fact]
    public void Herbeoordelingsverzoek_DefaultNorm_IsTenWorkingDays_WarnedTwoWorkingDaysBefore()
    {
        var term = NormTerms.Herbeoordelingsverzoek(At(2026, 3, 2, 10), new NormOptions().HerbeoordelingsverzoekWorkingDays, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 3, 16, 17));
        term.WarnAt.ShouldBe(At(2026, 3, 12, 8));
    }

    [Fact]
    public void Herbeoordelingsverzoek_NormIsConfigurable()
    {
        var term = NormTerms.Herbeoordelingsverzoek(At(2026, 3, 2, 10), 5, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 3, 9, 17));
        term.WarnAt.ShouldBe(At(2026, 3, 5, 8));
    }

    [Fact]
    public void Herbeoordelingsverzoek_NormOfOneWorkingDay_IsAllowed_AndWarnedOnItsDueDay()
    {
        var term = NormTerms.Herbeoordelingsverzoek(At(2026, 3, 2, 10), 1, TestCalendar.Office);
        term.DueAt.ShouldBe(At(2026, 3, 3, 17));
        term.WarnAt.ShouldBe(At(2026, 3, 3, 8));
    }

    [Fact]
    public void Herbeoordelingsverzoek_NormOfZeroWorkingDays_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => NormTerms.Herbeoordelingsverzoek(At(2026, 3, 2, 10), 0, TestCalendar.Office));

    [Fact]
    public void Wga80100Contact_IsDueOnTheYearlyDay_WarnedThirtyDaysBefore()
    {
        var term = NormTerms.Wga80100Contact(D(2027, 3, 10), TestCalendar.Office);
        term.DueAt.ShouldBe(At(2027, 3, 10, 17));
        term.WarnAt.ShouldBe(At(2027, 2, 8, 8));
    }
}
