using Uwv.BezwaarBeroep.Domain;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Divisions.BezwaarBeroep;

public sealed class BeslistermijnTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    // sent, received, advisory committee, verdaging weeks, opschorting days => bezwaartermijn end, filed on time, beslistermijn end
    public static TheoryData<string, string, bool, int, int, string, bool, string> Examples => new()
    {
        // Sent Mon 2026-03-02. Bezwaartermijn: 2026-03-02 + 42 = Mon 2026-04-13 (a working day).
        // Beslistermijn: 2026-04-13 + 42 = Mon 2026-05-25, Tweede Pinksterdag -> Tue 2026-05-26.
        { "2026-03-02", "2026-03-20", false, 0, 0, "2026-04-13", true, "2026-05-26" },
        // Sent Fri 2025-03-07. Bezwaartermijn: + 42 = Fri 2025-04-18, Goede Vrijdag; Sat, Sun, Mon 21 (Tweede Paasdag)
        // -> Tue 2025-04-22. Beslistermijn: 2025-04-22 + 42 = Tue 2025-06-03.
        { "2025-03-07", "2025-04-10", false, 0, 0, "2025-04-22", true, "2025-06-03" },
        // Advisory committee (Awb 7:13): 12 weeks. Sent Mon 2026-03-16; + 42 = Mon 2026-04-27, Koningsdag -> Tue 2026-04-28.
        // Beslistermijn: 2026-04-28 + 84 = Tue 2026-07-21.
        { "2026-03-16", "2026-04-01", true, 0, 0, "2026-04-28", true, "2026-07-21" },
        // Verdaging of 6 weeks. Sent Mon 2026-09-21; + 42 = Mon 2026-11-02. 2026-11-02 + 42 + 42 = Mon 2027-01-25.
        { "2026-09-21", "2026-10-15", false, 6, 0, "2026-11-02", true, "2027-01-25" },
        // Herstel verzuim asked Tue 2026-02-10, repaired Fri 2026-02-20: 9 days suspended (11th to 19th).
        // Sent Mon 2026-01-12; + 42 = Mon 2026-02-23. 2026-02-23 + 42 + 9 = Wed 2026-04-15.
        { "2026-01-12", "2026-02-05", false, 0, 9, "2026-02-23", true, "2026-04-15" },
        // 5 days suspended: 2026-02-23 + 42 + 5 = Sat 2026-04-11 -> Mon 2026-04-13.
        { "2026-01-12", "2026-02-05", false, 0, 5, "2026-02-23", true, "2026-04-13" },
        // Sent Thu 2027-02-25; + 42 = Thu 2027-04-08. 2027-04-08 + 42 = Thu 2027-05-20.
        { "2027-02-25", "2027-03-01", false, 0, 0, "2027-04-08", true, "2027-05-20" },
        // Everything at once: committee, verdaging 4 weeks, 6 days suspended. Sent Thu 2026-11-05; + 42 = Thu 2026-12-17.
        // 2026-12-17 + 84 + 28 + 6 = 2026-12-17 + 118 = Wed 2027-04-14.
        { "2026-11-05", "2026-12-01", true, 4, 6, "2026-12-17", true, "2027-04-14" },
        // Late: received Fri 2026-05-01, after the bezwaartermijn ended on 2026-04-13. The term counts from the day after
        // receipt: 2026-05-01 + 42 = Fri 2026-06-12.
        { "2026-03-02", "2026-05-01", false, 0, 0, "2026-04-13", false, "2026-06-12" },
        // Over the year end: sent Mon 2025-11-17; + 42 = Mon 2025-12-29. 2025-12-29 + 42 = Mon 2026-02-09.
        { "2025-11-17", "2025-12-10", false, 0, 0, "2025-12-29", true, "2026-02-09" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Beslistermijn_WorkedExamples(string sent, string received, bool committee, int verdaging, int opschorting,
        string bezwaartermijnEnd, bool onTime, string beslistermijnEnd)
    {
        var terms = Beslistermijn.Compute(D(sent), new Receipt(D(received)), committee, verdaging, 0, opschorting, TestCalendar.WorkingDays);
        terms.BezwaartermijnEndsOn.ShouldBe(D(bezwaartermijnEnd));
        terms.FiledOnTime.ShouldBe(onTime);
        terms.BeslistermijnEndsOn.ShouldBe(D(beslistermijnEnd));
    }

    [Fact]
    public void Beslistermijn_CountsFromTheDayAfterTheBezwaartermijn_NotFromReceipt()
    {
        // Received early (day 3 of the bezwaartermijn) or on its last day: the same beslistermijn.
        var early = Beslistermijn.Compute(D("2026-03-02"), new Receipt(D("2026-03-05")), false, 0, 0, 0, TestCalendar.WorkingDays);
        var last = Beslistermijn.Compute(D("2026-03-02"), new Receipt(D("2026-04-13")), false, 0, 0, 0, TestCalendar.WorkingDays);
        early.BeslistermijnCountsFrom.ShouldBe(D("2026-04-14"));
        early.BeslistermijnEndsOn.ShouldBe(last.BeslistermijnEndsOn);
    }

    [Fact]
    public void Beslistermijn_WithAdvisoryCommittee_IsSixWeeksLonger()
    {
        var six = Beslistermijn.Compute(D("2027-02-25"), new Receipt(D("2027-03-01")), false, 0, 0, 0, TestCalendar.WorkingDays);
        var twelve = Beslistermijn.Compute(D("2027-02-25"), new Receipt(D("2027-03-01")), true, 0, 0, 0, TestCalendar.WorkingDays);
        six.BeslistermijnEndsOn.ShouldBe(D("2027-05-20"));
        twelve.BeslistermijnEndsOn.ShouldBe(D("2027-07-01")); // 2027-04-08 + 84 = Thu 2027-07-01
    }

    [Theory]
    [InlineData("2026-03-02", "2026-03-09", 6)] // asked Monday, repaired the next Monday: Tuesday to Sunday
    [InlineData("2026-02-10", "2026-02-20", 9)]
    [InlineData("2026-02-10", "2026-02-11", 0)] // repaired the next day: nothing suspended
    [InlineData("2026-02-10", "2026-02-10", 0)]
    [InlineData("2026-12-28", "2027-01-05", 7)] // over the year end
    public void OpschortingDays_RunFromTheDayAfterTheRequestUntilTheRepair(string requested, string repaired, int days) =>
        Beslistermijn.OpschortingDays(D(requested), D(repaired)).ShouldBe(days);

    [Theory]
    [InlineData("2026-03-20", "2026-03-27")] // Friday -> next Friday
    [InlineData("2025-04-10", "2025-04-17")] // Thursday before Easter 2025 -> Thursday 17th (Good Friday the 18th not reached)
    [InlineData("2026-04-01", "2026-04-10")] // over Goede Vrijdag and Tweede Paasdag 2026
    [InlineData("2026-12-22", "2026-12-30")] // over Christmas 2026
    [InlineData("2027-04-23", "2027-05-03")] // over Koningsdag (Tuesday 27 April 2027)
    public void BezwaarContact_IsDueWithinFiveWorkingDays(string received, string due) =>
        Beslistermijn.ContactDue(D(received), TestCalendar.WorkingDays).ShouldBe(D(due));

    [Fact]
    public void Bezwaartermijn_DecisionSentOn2April2026_EndsMonday18May()
    {
        // + 42 days = Thu 14 May, Hemelvaartsdag; Fri 15 May is a gelijkgestelde dag; then the weekend.
        Beslistermijn.BezwaartermijnEnd(D("2026-04-02"), TestCalendar.WorkingDays).ShouldBe(D("2026-05-18"));
    }

    [Fact]
    public void Bezwaar_ReceivedMonday18May_AgainstADecisionSentOn2April2026_IsOnTime()
    {
        var terms = Beslistermijn.Compute(D("2026-04-02"), new Receipt(D("2026-05-18")), false, 0, 0, 0, TestCalendar.WorkingDays);
        terms.FiledOnTime.ShouldBeTrue();
        terms.BeslistermijnEndsOn.ShouldBe(D("2026-06-29")); // 2026-05-18 + 42 = Mon 2026-06-29
    }

    [Theory]
    [InlineData("2025-11-21", "2026-01-05")] // + 42 = Fri 2 January 2026, gelijkgesteld (decree 2026-2028) -> Monday
    [InlineData("2024-11-15", "2024-12-30")] // + 42 = Fri 27 December 2024, gelijkgesteld (decree 2023-2025) -> Monday
    [InlineData("2027-03-26", "2027-05-10")] // + 42 = Fri 7 May 2027, gelijkgesteld -> Monday
    [InlineData("2028-03-17", "2028-05-01")] // + 42 = Fri 28 April 2028, gelijkgesteld -> Monday
    [InlineData("2029-03-30", "2029-05-11")] // + 42 = Fri 11 May 2029: no decree covers 2029, an ordinary day
    public void Bezwaartermijn_EndingOnAGelijkgesteldeDag_IsExtendedToTheNextWorkingDay(string sent, string end) =>
        Beslistermijn.BezwaartermijnEnd(D(sent), TestCalendar.WorkingDays).ShouldBe(D(end));

    [Fact]
    public void Beslistermijn_EndingOnTheFridayAfterAscension2026_EndsMonday18May()
    {
        // Sent Fri 2026-01-09: bezwaartermijn ends Fri 2026-02-20; with an advisory committee + 84 = Fri 2026-05-15.
        var terms = Beslistermijn.Compute(D("2026-01-09"), new Receipt(D("2026-01-20")), true, 0, 0, 0, TestCalendar.WorkingDays);
        terms.BezwaartermijnEndsOn.ShouldBe(D("2026-02-20"));
        terms.BeslistermijnEndsOn.ShouldBe(D("2026-05-18"));
    }

    [Theory]
    [InlineData("2026-04-13", "2026-04-20", true)] // posted on the last day, received a week later: on time (6:9 lid 2)
    [InlineData("2026-04-10", "2026-04-16", true)]
    [InlineData("2026-04-13", "2026-04-21", false)] // received more than a week after the term: late
    [InlineData("2026-04-14", "2026-04-15", false)] // posted after the term: late
    public void Bezwaar_SentByPost_IsOnTimeWhenPostedInTimeAndReceivedWithinAWeekAfter(string postmark, string received, bool onTime)
    {
        // Sent Mon 2026-03-02: the bezwaartermijn ends Mon 2026-04-13.
        var terms = Beslistermijn.Compute(D("2026-03-02"), new Receipt(D(received), D(postmark)), false, 0, 0, 0, TestCalendar.WorkingDays);
        terms.FiledOnTime.ShouldBe(onTime);
    }

    [Fact]
    public void Bezwaar_PostedInTimeReceivedWithinAWeekAfter_IsOnTime() =>
        Beslistermijn.FiledOnTime(D("2026-05-18"), new Receipt(D("2026-05-25"), D("2026-05-18"))).ShouldBeTrue();

    [Fact]
    public void Bezwaar_ReceivedAfterTheTermWithoutPostmark_IsLate() =>
        Beslistermijn.FiledOnTime(D("2026-05-18"), new Receipt(D("2026-05-19"))).ShouldBeFalse();

    [Fact]
    public void Beslistermijn_WithUitstelByConsent_AddsItsWeeksOnTopOfTheVerdaging()
    {
        // Sent Mon 2026-09-21: 2026-11-02 + 42 + 6 weeks verdaging + 4 weeks uitstel (7:10 lid 4) = 2026-11-02 + 112 = Mon 2027-02-22.
        var terms = Beslistermijn.Compute(D("2026-09-21"), new Receipt(D("2026-10-15")), false, 6, 4, 0, TestCalendar.WorkingDays);
        terms.BeslistermijnEndsOn.ShouldBe(D("2027-02-22"));
    }

    [Fact]
    public void BezwaarContact_OverTheGelijkgesteldeFriday_IsDueAWorkingDayLater() =>
        Beslistermijn.ContactDue(D("2026-05-13"), TestCalendar.WorkingDays).ShouldBe(D("2026-05-22")); // 18-22 May
}
