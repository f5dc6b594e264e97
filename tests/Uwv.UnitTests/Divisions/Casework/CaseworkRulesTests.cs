using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.UnitTests.Divisions.Casework;

public sealed class CaseworkRulesTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    // requested at (Amsterdam), WW question => due at (Amsterdam)
    public static TheoryData<DateTimeOffset, bool, DateTimeOffset> Termijnen => new()
    {
        // 24 clock hours, weekends and holidays included.
        { new(2026, 3, 6, 15, 0, 0, Cet), false, new(2026, 3, 7, 15, 0, 0, Cet) },
        // WW: 4 office hours. Friday 15:00 -> 2 hours on Friday, 2 on Monday: Monday 10:00.
        { new(2026, 3, 6, 15, 0, 0, Cet), true, new(2026, 3, 9, 10, 0, 0, Cet) },
        // WW in the morning: the same day.
        { new(2026, 3, 10, 9, 30, 0, Cet), true, new(2026, 3, 10, 13, 30, 0, Cet) },
        // WW at night: from opening the next morning.
        { new(2026, 3, 10, 22, 0, 0, Cet), true, new(2026, 3, 11, 12, 0, 0, Cet) },
        // WW on Thursday before Easter 2026, 16:00: 1 hour Thursday; Good Friday and Easter Monday are closed: Tuesday 11:00.
        { new(2026, 4, 2, 16, 0, 0, Cest), true, new(2026, 4, 7, 11, 0, 0, Cest) },
        // WW before Koningsdag 2026 (Monday 27 April): Friday 16:30 -> Tuesday 11:30.
        { new(2026, 4, 24, 16, 30, 0, Cest), true, new(2026, 4, 28, 11, 30, 0, Cest) },
    };

    [Theory]
    [MemberData(nameof(Termijnen))]
    public void Terugbelverzoek_DueWithin24Hours_OrFourOfficeHoursForWw(DateTimeOffset requestedAt, bool ww, DateTimeOffset due) =>
        TerugbelTermijn.DueAt(requestedAt, ww, Uwv.UnitTests.Calendar.TestCalendar.Office).ShouldBe(due);

    [Fact]
    public void Terugbelverzoek_OverdueWhenOpenPastItsDueMoment()
    {
        var due = new DateTimeOffset(2026, 3, 9, 10, 0, 0, Cet);
        TerugbelTermijn.IsOverdue(due, null, due).ShouldBeFalse();
        TerugbelTermijn.IsOverdue(due, null, due.AddMinutes(1)).ShouldBeTrue();
        TerugbelTermijn.IsOverdue(due, due.AddHours(-1), due.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void DossierClosed_DoesNotChangeStatus() =>
        DossierStatuses.Change(DossierStatuses.Closed, DossierStatuses.Open)!.Rule.ShouldBe("dossier-closed");

    [Fact]
    public void StatusChanges_ToTheSameStatus_IsRefused() =>
        DossierStatuses.Change(DossierStatuses.Open, DossierStatuses.Open)!.Rule.ShouldBe("status-changes");

    [Theory]
    [InlineData("open", "in-behandeling")]
    [InlineData("in-behandeling", "wacht-op-client")]
    [InlineData("wacht-op-client", "in-behandeling")]
    [InlineData("in-behandeling", "closed")]
    public void DossierStatus_OtherChanges_AreAllowed(string from, string to) =>
        DossierStatuses.Change(from, to).ShouldBeNull();
}
