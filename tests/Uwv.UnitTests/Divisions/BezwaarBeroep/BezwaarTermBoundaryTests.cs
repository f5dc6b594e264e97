using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Divisions.BezwaarBeroep;

/// <summary>The last days of the bezwaar's terms and of the dwangsom, and what each rule allows while the bezwaar is open.</summary>
public sealed class BezwaarTermBoundaryTests
{
    private static readonly DwangsomOptions Law = new();

    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sent 2026-03-02, received 2026-03-20: bezwaartermijn ends 2026-04-13, beslistermijn 2026-05-26.</summary>
    private static BezwaarRecord Bezwaar()
    {
        var b = new BezwaarRecord
        {
            AreaTeam = "arnhem-noord", DecisionReference = "UIT-1", Grounds = "g", RegisteredBy = "jurist",
            DecisionSentOn = D("2026-03-02"), ReceivedOn = D("2026-03-20"), Status = BezwaarStatus.InBehandeling, Version = 1,
        };
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        return b;
    }

    [Fact]
    public void Bezwaar_ReceivedOnTheLastDayOfTheBezwaartermijn_IsOnTime_AndTheDayAfterIsLate()
    {
        var end = D("2026-04-13");

        Beslistermijn.FiledOnTime(end, new Receipt(end)).ShouldBeTrue();
        Beslistermijn.FiledOnTime(end, new Receipt(end.AddDays(1))).ShouldBeFalse();
        Beslistermijn.Compute(D("2026-03-02"), new Receipt(end), false, 0, 0, 0, TestCalendar.WorkingDays).FiledOnTime.ShouldBeTrue();
    }

    [Fact]
    public void Bezwaar_PostedOnTheLastDay_ReceivedOnTheLastDayOfTheWeekAfter_IsOnTime_ADayLaterIsLate()
    {
        var end = D("2026-04-13");

        Beslistermijn.FiledOnTime(end, new Receipt(end.AddDays(7), end)).ShouldBeTrue();
        Beslistermijn.FiledOnTime(end, new Receipt(end.AddDays(8), end)).ShouldBeFalse();
        Beslistermijn.FiledOnTime(end, new Receipt(end.AddDays(2), end.AddDays(1))).ShouldBeFalse();
    }

    [Fact]
    public void Beslistermijn_OfABezwaarReceivedTheDayAfterTheBezwaartermijn_CountsFromTheDayAfterReceipt()
    {
        var terms = Beslistermijn.Compute(D("2026-03-02"), new Receipt(D("2026-04-14")), false, 0, 0, 0, TestCalendar.WorkingDays);

        terms.FiledOnTime.ShouldBeFalse();
        terms.BeslistermijnCountsFrom.ShouldBe(D("2026-04-15"));
        terms.BeslistermijnEndsOn.ShouldBe(D("2026-05-26")); // 2026-04-14 + 42 = Tue 2026-05-26
    }

    [Fact]
    public void Dwangsom_OnItsFirstDay_HasAccruedOneDay()
    {
        var first = D("2026-03-17");

        Dwangsom.Days(first, first, decidedOn: null, Law).ShouldBe(1);
        Dwangsom.Days(first, first.AddDays(-1), decidedOn: null, Law).ShouldBe(0);
    }

    [Fact]
    public void Dwangsom_LastAccruingDay_IsTheDayBeforeTheDecision()
    {
        var first = D("2026-03-17");

        Dwangsom.Days(first, D("2026-06-01"), decidedOn: first.AddDays(1), Law).ShouldBe(1);
        Dwangsom.Days(first, D("2026-06-01"), decidedOn: first, Law).ShouldBe(0);
        Dwangsom.Days(first, first.AddDays(4), decidedOn: first.AddDays(5), Law).ShouldBe(5);
        Dwangsom.Days(first, first.AddDays(3), decidedOn: first.AddDays(5), Law).ShouldBe(4);
    }

    [Fact]
    public void Dwangsom_OnTheDayOfTheDecision_CountsUpToTheDayBefore()
    {
        var amount = Dwangsom.On(D("2026-03-02"), D("2026-03-19"), kennelijk: false, D("2026-03-19"), Law, TestCalendar.WorkingDays);

        (amount.Days, amount.AccruedCents, amount.StillPossibleCents).ShouldBe((2, 4_600L, 0L));
    }

    [Fact]
    public void Dwangsom_KennelijkButNotYetDecided_StillRuns()
    {
        var amount = Dwangsom.On(D("2026-03-02"), null, kennelijk: true, D("2026-03-18"), Law, TestCalendar.WorkingDays);

        amount.Days.ShouldBe(2);
    }

    [Fact]
    public void Dwangsom_AmountPerTier_IsCappedAtTheMaximumDaysAndNeverNegative()
    {
        Dwangsom.AmountCents(-3, Law).ShouldBe(0);
        Dwangsom.AmountCents(43, Law).ShouldBe(Dwangsom.MaximumCents(Law));
        Dwangsom.AmountCents(14, Law).ShouldBe(32_200);
        Dwangsom.AmountCents(29, Law).ShouldBe(85_700);
    }

    [Fact]
    public void BezwaarRules_WhileOpen_AllowEachFirstStep()
    {
        var b = Bezwaar();

        BezwaarRules.Open(b).ShouldBeNull();
        BezwaarRules.RecordContact(b).ShouldBeNull();
        BezwaarRules.StartHerstel(b).ShouldBeNull();
        BezwaarRules.Verdaag(b, D("2026-04-20"), clientConsent: false).ShouldBeNull();
        BezwaarRules.Decide(b, BezwaarOutcome.NietOntvankelijk, kennelijk: true).ShouldBeNull();
    }

    [Fact]
    public void BezwaarRules_EndHerstel_WhileOnePending_IsAllowed_AndTheTermRunsAgain()
    {
        var b = Bezwaar();
        b.HerstelRequestedOn = D("2026-04-01");
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        b.BeslistermijnEndsOn.ShouldBeNull();

        BezwaarRules.EndHerstel(b).ShouldBeNull();
        BezwaarRules.StartHerstel(b)!.Rule.ShouldBe("one-herstel-at-a-time");
        b.HerstelRequestedOn = null;
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        b.BeslistermijnEndsOn.ShouldBe(D("2026-05-26"));
    }

    [Fact]
    public void BezwaarRules_OnADecidedBezwaar_RefuseEveryChange()
    {
        var b = Bezwaar();
        b.Status = BezwaarStatus.Beslist;

        BezwaarRules.StartHerstel(b)!.Rule.ShouldBe("bezwaar-open");
        BezwaarRules.EndHerstel(b)!.Rule.ShouldBe("bezwaar-open");
        BezwaarRules.RecordIngebrekestelling(b, D("2026-07-01"))!.Rule.ShouldBe("bezwaar-open");
    }

    [Fact]
    public void Decide_KennelijkOngegrondButLateAndNotExcusable_IsRefused()
    {
        var b = Bezwaar();
        b.FiledOnTime = false;

        BezwaarRules.Decide(b, BezwaarOutcome.Ongegrond, kennelijk: true)!.Rule.ShouldBe("te-laat-niet-verschoonbaar");
        BezwaarRules.Decide(b, BezwaarOutcome.NietOntvankelijk, kennelijk: false).ShouldBeNull();
    }

    [Fact]
    public void Recompute_SetsTheTermsAndTheContactDeadline()
    {
        var b = Bezwaar();

        b.BezwaartermijnEndsOn.ShouldBe(D("2026-04-13"));
        b.FiledOnTime.ShouldBeTrue();
        b.BeslistermijnEndsOn.ShouldBe(D("2026-05-26"));
        b.ContactDueOn.ShouldBe(D("2026-03-27"));
    }

    [Fact]
    public void Recompute_WithAPostmark_JudgesTheBezwaarByIt()
    {
        var b = Bezwaar();
        b.ReceivedOn = D("2026-04-20");
        b.PostmarkDate = D("2026-04-13");

        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);

        b.FiledOnTime.ShouldBeTrue();
    }
}
