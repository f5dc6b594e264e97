using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.UnitTests.Calendar;

namespace Uwv.UnitTests.Divisions.BezwaarBeroep;

public sealed class BezwaarRulesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sent 2026-03-02, received 2026-03-20: bezwaartermijn ends 2026-04-13, beslistermijn 2026-05-26.</summary>
    private static BezwaarRecord Bezwaar(string received = "2026-03-20")
    {
        var b = new BezwaarRecord
        {
            AreaTeam = "arnhem-noord", DecisionReference = "UIT-1", Grounds = "g", RegisteredBy = "jurist",
            DecisionSentOn = D("2026-03-02"), ReceivedOn = D(received), Status = BezwaarStatus.InBehandeling, Version = 1,
        };
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        return b;
    }

    [Fact]
    public void Verdaging_Twice_IsRefused()
    {
        var b = Bezwaar();
        b.VerdagingWeeks = 6;
        BezwaarRules.Verdaag(b, D("2026-04-20"), clientConsent: false)!.Rule.ShouldBe("verdaging-once");
    }

    [Fact]
    public void Verdaging_AnnouncedAfterTheTermEnded_IsRefused() =>
        BezwaarRules.Verdaag(Bezwaar(), D("2026-05-27"), clientConsent: false)!.Rule.ShouldBe("verdaging-before-term-ends");

    [Fact]
    public void Verdaging_AnnouncedOnTheLastDay_IsAllowed() =>
        BezwaarRules.Verdaag(Bezwaar(), D("2026-05-26"), clientConsent: false).ShouldBeNull();

    [Fact]
    public void Verdaging_MovesTheBeslistermijnBySixWeeks()
    {
        var b = Bezwaar();
        b.VerdagingWeeks = 6;
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        b.BeslistermijnEndsOn.ShouldBe(D("2026-07-06")); // 2026-04-13 + 84 = Mon 2026-07-06
    }

    [Fact]
    public void HerstelVerzuim_Pending_SuspendsTheBeslistermijn()
    {
        var b = Bezwaar();
        b.HerstelRequestedOn = D("2026-04-01");
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        b.BeslistermijnEndsOn.ShouldBeNull();
    }

    [Fact]
    public void HerstelVerzuim_WhileOneIsPending_IsRefused()
    {
        var b = Bezwaar();
        b.HerstelRequestedOn = D("2026-04-01");
        BezwaarRules.StartHerstel(b)!.Rule.ShouldBe("one-herstel-at-a-time");
    }

    [Fact]
    public void HerstelVerzuim_EndedWithoutOnePending_IsRefused() =>
        BezwaarRules.EndHerstel(Bezwaar())!.Rule.ShouldBe("herstel-pending");

    [Theory]
    [InlineData(BezwaarOutcome.Gegrond)]
    [InlineData(BezwaarOutcome.Ongegrond)]
    public void Decide_OnTheMeritsWithoutHoren_IsRefused(BezwaarOutcome outcome) =>
        BezwaarRules.Decide(Bezwaar(), outcome, kennelijk: false)!.Rule.ShouldBe("horen-is-de-norm");

    [Fact]
    public void Decide_OnTheMeritsAfterTheHearing_IsAllowed()
    {
        var b = Bezwaar();
        b.HoorzittingHeldOn = D("2026-04-20");
        BezwaarRules.Decide(b, BezwaarOutcome.Gegrond, kennelijk: false).ShouldBeNull();
    }

    [Fact]
    public void Decide_OnTheMeritsWithHorenWaived_IsAllowed()
    {
        var b = Bezwaar();
        b.HorenWaivedReason = "de cliënt heeft afgezien van horen";
        BezwaarRules.Decide(b, BezwaarOutcome.Ongegrond, kennelijk: false).ShouldBeNull();
    }

    [Theory]
    [InlineData(BezwaarOutcome.NietOntvankelijk)]
    [InlineData(BezwaarOutcome.Ingetrokken)]
    public void Decide_NotOnTheMerits_NeedsNoHearing(BezwaarOutcome outcome) =>
        BezwaarRules.Decide(Bezwaar(), outcome, kennelijk: false).ShouldBeNull();

    [Fact]
    public void Decide_LateAndNotExcusableOnTheMerits_IsRefused()
    {
        var b = Bezwaar(received: "2026-05-01");
        b.HoorzittingHeldOn = D("2026-05-20");
        b.FiledOnTime.ShouldBeFalse();
        BezwaarRules.Decide(b, BezwaarOutcome.Gegrond, kennelijk: false)!.Rule.ShouldBe("te-laat-niet-verschoonbaar");
    }

    [Fact]
    public void Decide_LateButExcusable_IsJudgedOnTheMerits()
    {
        var b = Bezwaar(received: "2026-05-01");
        b.HoorzittingHeldOn = D("2026-05-20");
        b.LateFilingExcused = true;
        BezwaarRules.Decide(b, BezwaarOutcome.Gegrond, kennelijk: false).ShouldBeNull();
    }

    [Fact]
    public void Changes_AfterTheDecision_AreRefused()
    {
        var b = Bezwaar();
        b.Status = BezwaarStatus.Beslist;
        b.Outcome = BezwaarOutcome.Ongegrond;
        BezwaarRules.Open(b)!.Rule.ShouldBe("bezwaar-open");
        BezwaarRules.RecordContact(b)!.Rule.ShouldBe("bezwaar-open");
        BezwaarRules.Verdaag(b, D("2026-04-20"), clientConsent: false)!.Rule.ShouldBe("bezwaar-open");
        BezwaarRules.Decide(b, BezwaarOutcome.Gegrond, kennelijk: false)!.Rule.ShouldBe("bezwaar-open");
    }

    [Fact]
    public void Contact_RecordedTwice_IsRefused()
    {
        var b = Bezwaar();
        b.ContactedOn = D("2026-03-23");
        BezwaarRules.RecordContact(b)!.Rule.ShouldBe("contact-recorded-once");
    }

    [Fact]
    public void Beroep_BeforeTheBeslissing_IsRefused() =>
        BezwaarRules.RegisterBeroep(Bezwaar())!.Rule.ShouldBe("beroep-after-beslissing");

    [Fact]
    public void Beroep_AgainstAWithdrawnBezwaar_IsRefused()
    {
        var b = Bezwaar();
        b.Status = BezwaarStatus.Beslist;
        b.Outcome = BezwaarOutcome.Ingetrokken;
        BezwaarRules.RegisterBeroep(b)!.Rule.ShouldBe("beroep-after-beslissing");
    }

    [Fact]
    public void Beroep_AfterTheBeslissing_IsAllowed()
    {
        var b = Bezwaar();
        b.Status = BezwaarStatus.Beslist;
        b.Outcome = BezwaarOutcome.Ongegrond;
        BezwaarRules.RegisterBeroep(b).ShouldBeNull();
    }

    [Fact]
    public void Ingebrekestelling_BeforeTheTermLapsed_IsRefused() =>
        BezwaarRules.RecordIngebrekestelling(Bezwaar(), D("2026-05-26"))!.Rule.ShouldBe("beslistermijn-lapsed");

    [Fact]
    public void Ingebrekestelling_AfterTheTermLapsed_IsAllowed() =>
        BezwaarRules.RecordIngebrekestelling(Bezwaar(), D("2026-05-27")).ShouldBeNull();

    [Fact]
    public void Ingebrekestelling_WhileTheTermIsSuspended_IsRefused()
    {
        var b = Bezwaar();
        b.HerstelRequestedOn = D("2026-04-01");
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        BezwaarRules.RecordIngebrekestelling(b, D("2026-07-01"))!.Rule.ShouldBe("beslistermijn-lapsed");
    }

    [Fact]
    public void Ingebrekestelling_Second_IsRefused()
    {
        var b = Bezwaar();
        b.IngebrekestellingReceivedOn = D("2026-06-01");
        BezwaarRules.RecordIngebrekestelling(b, D("2026-06-10"))!.Rule.ShouldBe("one-ingebrekestelling");
    }

    [Fact]
    public void Verdaging_FurtherWithClientConsent_IsRecordedNotRefused()
    {
        var b = Bezwaar();
        b.VerdagingWeeks = 6;
        BezwaarRules.Verdaag(b, D("2026-07-01"), clientConsent: true).ShouldBeNull(); // even after the term (7:10 lid 4)
        b.UitstelWeeks = 4;
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        b.BeslistermijnEndsOn.ShouldBe(D("2026-08-03")); // 2026-04-13 + 42 + 42 + 28 = Mon 2026-08-03
    }

    [Fact]
    public void Verdaging_WithClientConsent_OnADecidedBezwaar_IsRefused()
    {
        var b = Bezwaar();
        b.Status = BezwaarStatus.Beslist;
        BezwaarRules.Verdaag(b, D("2026-04-20"), clientConsent: true)!.Rule.ShouldBe("bezwaar-open");
    }

    [Theory]
    [InlineData(BezwaarOutcome.NietOntvankelijk, true)]
    [InlineData(BezwaarOutcome.Ongegrond, true)]
    [InlineData(BezwaarOutcome.Gegrond, false)]
    [InlineData(BezwaarOutcome.Ingetrokken, false)]
    public void Kennelijk_OnlyForNietOntvankelijkOrOngegrond(BezwaarOutcome outcome, bool allowed) =>
        BezwaarRules.CanBeKennelijk(outcome).ShouldBe(allowed);

    [Fact]
    public void Decide_KennelijkOngegrondWithoutHoren_IsAllowed() =>
        BezwaarRules.Decide(Bezwaar(), BezwaarOutcome.Ongegrond, kennelijk: true).ShouldBeNull(); // Awb 7:3 sub b

    [Fact]
    public void Bezwaar_PostedInTimeReceivedWithinAWeekAfter_IsOnTimeWhenRecomputed()
    {
        var b = Bezwaar(received: "2026-04-20");
        b.FiledOnTime.ShouldBeFalse();
        b.PostmarkDate = D("2026-04-13");
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        b.FiledOnTime.ShouldBeTrue();
        BezwaarRules.Decide(b, BezwaarOutcome.Gegrond, kennelijk: false)!.Rule.ShouldBe("horen-is-de-norm"); // judged on the merits
    }
}
