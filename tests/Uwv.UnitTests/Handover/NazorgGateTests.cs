using Uwv.Handover.Domain;
using static Uwv.UnitTests.Handover.HandoverScenario;

namespace Uwv.UnitTests.Handover;

public sealed class NazorgGateTests
{
    /// <summary>
    /// Worked examples of "nazorg is done". Attempts: R = reached with both checks, r = reached but the client did not
    /// understand the outcome, U = unanswered; each with its local day in March 2026 (2 = Monday ... 7 = Saturday).
    /// </summary>
    public static TheoryData<string, string, bool, bool> Examples => new()
    {
        // attempts (kind@day), written message?, gate open?
        { "", "none", false, false },
        { "R@2", "reached at once", false, true },
        { "r@2", "reached, client did not understand", false, false },
        { "U@2,R@3", "reached at the second attempt", false, true },
        { "U@2,U@2,U@3", "three unanswered on two working days, no letter yet", false, false },
        { "U@2,U@2,U@3", "three unanswered on two working days, letter", true, true },
        { "U@2,U@2,U@2", "three unanswered on one working day, letter", true, false },
        { "U@6,U@7,U@7", "Friday and Saturday: only one working day, letter", true, false },
        { "U@2,U@3", "two unanswered on two working days, letter", true, false },
        { "U@2,U@3,U@4,U@5", "four unanswered, letter", true, true },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void NazorgIsDone_OnlyByReachedCallWithChecks_OrThreeUnansweredOverTwoWorkingDaysAndWrittenMessage(
        string attempts, string example, bool letter, bool expectedOpen)
    {
        var log = NazorgLog.Empty with
        {
            Attempts = attempts.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Attempt).ToList(),
            Messages = letter ? [new WrittenMessage("letter", At(2026, 3, 9, 10), Sender)] : [],
        };

        NazorgGate.IsOpen(log, new HandoverRules { Office = Uwv.UnitTests.Calendar.TestCalendar.Office }).ShouldBe(expectedOpen, example);
    }

    [Fact]
    public void NazorgGate_WhenKindDoesNotRequireNazorg_IsOpenWithoutAttempts() =>
        NazorgGate.IsOpen(NazorgLog.Empty, new HandoverRules { RequireNazorg = false, Office = Uwv.UnitTests.Calendar.TestCalendar.Office }).ShouldBeTrue();

    [Fact]
    public void NazorgGate_RuleSetIsConfigurablePerKind_WithSmzToWerkbedrijfRequiringNazorgByDefault()
    {
        var options = new HandoverOptions { Office = Uwv.UnitTests.Calendar.TestCalendar.Office };
        options.RulesFor("SMZ-WB").RequireNazorg.ShouldBeTrue();
        options.RulesFor("WB-SMZ").RequireNazorg.ShouldBeFalse();
        options.Kinds["SMZ-UIT"] = new HandoverRules { UnansweredAttemptsBeforeWrittenMessage = 2 };
        var log = NazorgLog.Empty with
        {
            Attempts = [Attempt("U@2"), Attempt("U@3")],
            Messages = [new WrittenMessage("email", At(2026, 3, 4, 10), Sender)],
        };
        NazorgGate.IsOpen(log, options.RulesFor("SMZ-UIT")).ShouldBeTrue();
        NazorgGate.IsOpen(log, options.RulesFor("SMZ-WB")).ShouldBeFalse();
    }

    [Fact]
    public void NazorgSummary_CountsReachedAttemptAndWrittenMessageAndOverride()
    {
        var rules = new HandoverRules { Office = Uwv.UnitTests.Calendar.TestCalendar.Office };
        NazorgGate.Summarize(NazorgLog.Empty with { Attempts = [Attempt("U@2"), Attempt("R@3")] }, rules)
            .ShouldBe(new Contracts.Events.NazorgSummary(true, true, false, 2, 2, false));
        NazorgGate.Summarize(NazorgLog.Empty with
        {
            Attempts = [Attempt("U@2"), Attempt("U@3"), Attempt("U@3")],
            Messages = [new WrittenMessage("letter", At(2026, 3, 4, 10), Sender)],
        }, rules).ShouldBe(new Contracts.Events.NazorgSummary(true, true, false, 3, null, true));
        NazorgGate.Summarize(NazorgLog.Empty with { Override = new NazorgOverride("crisis", "teamleider", Monday) }, rules)
            .ShouldBe(new Contracts.Events.NazorgSummary(true, false, true, 0, null, false));
    }

    [Fact]
    public void NazorgGate_AttemptsOnHemelvaartsdagAndTheGelijkgesteldeFriday_AreNotOnWorkingDays()
    {
        // Unanswered on Thu 14 May 2026 (Hemelvaartsdag), Fri 15 May (gelijkgesteld) and Mon 18 May: one working day only.
        var log = NazorgLog.Empty with
        {
            Attempts = [.. new[] { 14, 15, 18 }.Select(day => new NazorgAttempt(At(2026, 5, day, 10), false, false, false, null, Sender))],
        };
        NazorgGate.UnansweredAttemptsSuffice(log, new HandoverRules { Office = Calendar.TestCalendar.Office }).ShouldBeFalse();
        var withoutDecree = new Uwv.Calendar.OfficeHours(new Uwv.Calendar.OfficeHoursOptions(), Calendar.TestCalendar.HolidaysOnly);
        NazorgGate.UnansweredAttemptsSuffice(log, new HandoverRules { Office = withoutDecree }).ShouldBeTrue();
    }

    [Fact]
    public void SlaDeadline_OverHemelvaartsdagAndTheGelijkgesteldeFriday_IsTuesday()
    {
        // Transferred Wed 13 May 2026 10:00: two working days are Mon 18 and Tue 19 May; due at closing, 17:00 (15:00 UTC).
        SlaClock.Deadline(At(2026, 5, 13, 10), 2, Calendar.TestCalendar.Office).ShouldBe(new DateTimeOffset(2026, 5, 19, 15, 0, 0, TimeSpan.Zero));
    }

    private static NazorgAttempt Attempt(string spec)
    {
        var kind = spec[0];
        var day = int.Parse(spec[2..], System.Globalization.CultureInfo.InvariantCulture);
        var at = At(2026, 3, day, 10);
        return new NazorgAttempt(at, kind is 'R' or 'r', kind == 'R', kind == 'R', null, Sender);
    }
}
