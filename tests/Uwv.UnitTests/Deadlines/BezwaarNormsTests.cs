using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Deadlines;
using Uwv.UnitTests.Calendar;
using static Uwv.UnitTests.Deadlines.NormTermsTests;

namespace Uwv.UnitTests.Deadlines;

/// <summary>A bezwaar's contact norm and beslistermijn norm: sent 2026-03-02, received 2026-03-20 (contact due 2026-03-27, beslistermijn ends 2026-05-26).</summary>
public sealed class BezwaarNormsTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly DateTimeOffset ContactDue = At(2026, 3, 27, 17);
    private static readonly DateTimeOffset BeslistermijnEnd = At(2026, 5, 26, 17);

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

    private static BezwaarRecord Decided(BezwaarOutcome outcome, string on)
    {
        var b = Bezwaar();
        b.Status = BezwaarStatus.Beslist;
        b.Outcome = outcome;
        b.DecidedOn = D(on);
        return b;
    }

    [Fact]
    public void BezwaarTerms_AreTheNormDeadlines()
    {
        var b = Bezwaar();
        BezwaarNorms.ContactTerm(b, TestCalendar.Office).DueAt.ShouldBe(ContactDue);
        var beslis = BezwaarNorms.BeslistermijnTerm(b, TestCalendar.Office)!;
        beslis.DueAt.ShouldBe(BeslistermijnEnd);
        beslis.WarnAt.ShouldBe(At(2026, 5, 7, 8)); // 10 working days before 26 May, over Pinkstermaandag, 15 May and Hemelvaartsdag
    }

    [Fact]
    public void BezwaarContact_OpenWhileNotContacted() =>
        BezwaarNorms.ContactOutcome(Bezwaar(), ContactDue, TestCalendar.Office).ShouldBeNull();

    [Theory]
    [InlineData("2026-03-27", NormOutcomes.Met)]
    [InlineData("2026-03-30", NormOutcomes.Late)]
    public void BezwaarContact_OnTheFifthWorkingDay_MeetsTheNorm_AfterIt_IsLate(string contactedOn, string outcome)
    {
        var b = Bezwaar();
        b.ContactedOn = D(contactedOn);
        BezwaarNorms.ContactOutcome(b, ContactDue, TestCalendar.Office).ShouldBe(outcome);
    }

    [Fact]
    public void BezwaarWithdrawn_VoidsBothNorms()
    {
        var b = Decided(BezwaarOutcome.Ingetrokken, "2026-03-24");
        BezwaarNorms.ContactOutcome(b, ContactDue, TestCalendar.Office).ShouldBe(NormOutcomes.Void);
        BezwaarNorms.BeslistermijnOutcome(b, BeslistermijnEnd, TestCalendar.Office).ShouldBe(NormOutcomes.Void);
    }

    [Fact]
    public void BezwaarDecidedAfterTheContactTermWithoutContact_MissedTheContactNorm() =>
        BezwaarNorms.ContactOutcome(Decided(BezwaarOutcome.Ongegrond, "2026-04-20"), ContactDue, TestCalendar.Office).ShouldBe(NormOutcomes.Late);

    [Theory]
    [InlineData("2026-03-24")]
    [InlineData("2026-03-27")]
    public void BezwaarDecidedWithoutContact_ByTheLastContactDay_VoidsTheContactNorm(string decidedOn) =>
        BezwaarNorms.ContactOutcome(Decided(BezwaarOutcome.Ongegrond, decidedOn), ContactDue, TestCalendar.Office).ShouldBe(NormOutcomes.Void);

    [Theory]
    [InlineData("2026-05-26", NormOutcomes.Met)]
    [InlineData("2026-05-27", NormOutcomes.Late)]
    public void Beslistermijn_DecidedOnItsLastDay_IsMet_AfterIt_IsLate(string decidedOn, string outcome) =>
        BezwaarNorms.BeslistermijnOutcome(Decided(BezwaarOutcome.Gegrond, decidedOn), BeslistermijnEnd, TestCalendar.Office).ShouldBe(outcome);

    [Fact]
    public void Beslistermijn_Verdaagd_MovesTheDeadlineSixWeeks()
    {
        var b = Bezwaar();
        b.VerdagingWeeks = 6;
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        BezwaarNorms.BeslistermijnTerm(b, TestCalendar.Office)!.DueAt.ShouldBe(At(2026, 7, 6, 17));
    }

    [Fact]
    public void Beslistermijn_SuspendedForHerstel_HasNoNewTerm()
    {
        var b = Bezwaar();
        b.HerstelRequestedOn = D("2026-04-01");
        BezwaarRules.Recompute(b, TestCalendar.WorkingDays);
        BezwaarNorms.BeslistermijnTerm(b, TestCalendar.Office).ShouldBeNull();
    }

    [Fact]
    public void Bezwaar_AgainstAnSmzDecision_IsMedisch()
    {
        BezwaarNorms.Category(DivisionCode.Smz).ShouldBe("medisch");
    }

    [Theory]
    [InlineData(DivisionCode.Uitkeren)]
    [InlineData(DivisionCode.Werkbedrijf)]
    public void Bezwaar_AgainstAnotherDivisionsDecision_IsNietMedisch(DivisionCode division)
    {
        BezwaarNorms.Category(division).ShouldBe("niet-medisch");
    }
}
