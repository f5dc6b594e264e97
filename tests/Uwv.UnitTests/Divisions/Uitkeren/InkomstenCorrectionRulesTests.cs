using Uwv.Uitkeren.Domain;

namespace Uwv.UnitTests.Divisions.Uitkeren;

/// <summary>A corrected inkomsten signal replaces the month's earlier one and sets off only what changed.</summary>
public sealed class InkomstenCorrectionRulesTests
{
    private static readonly Guid Ww = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Wga = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    [Fact]
    public void Signal_WithAnotherIncomeForTheMonth_IsACorrection()
    {
        InkomstenSignaalRules.IsCorrection(100_000, 100_001).ShouldBeTrue();
        InkomstenSignaalRules.IsCorrection(100_000, 0).ShouldBeTrue();
    }

    [Fact]
    public void Signal_WithTheSameIncomeForTheMonth_IsNoCorrection()
    {
        InkomstenSignaalRules.IsCorrection(100_000, 100_000).ShouldBeFalse();
    }

    [Fact]
    public void Correction_SetsOffOnlyTheDifference_PerUitkering()
    {
        var adjustments = InkomstenSignaalRules.Adjustments(
            [new Deduction(Ww, 70_000)],
            [new Deduction(Ww, 105_000)]);

        adjustments.ShouldBe([new Deduction(Ww, 35_000)]);
    }

    [Fact]
    public void Correction_Lower_GivesANegativeChange()
    {
        InkomstenSignaalRules.Adjustments([new Deduction(Ww, 105_000)], [new Deduction(Ww, 35_000)])
            .ShouldBe([new Deduction(Ww, -70_000)]);
    }

    [Fact]
    public void Correction_AddsUpEveryEarlierSignalOfTheMonth_AndSkipsUnchangedUitkeringen()
    {
        // First €1,000 on WW and WGA (€700 and nothing), then a correction to €1,500 (WW +€350), now €2,000.
        var adjustments = InkomstenSignaalRules.Adjustments(
            [new Deduction(Ww, 70_000), new Deduction(Wga, 0), new Deduction(Ww, 35_000)],
            [new Deduction(Ww, 140_000), new Deduction(Wga, 0)]);

        adjustments.ShouldBe([new Deduction(Ww, 35_000)]);
    }

    [Fact]
    public void Correction_OnAnUitkeringTheEarlierSignalDidNotReach_IsSetOffInFull_AfterTheEarlierOnes()
    {
        var adjustments = InkomstenSignaalRules.Adjustments(
            [new Deduction(Ww, 150_000)],
            [new Deduction(Ww, 150_000), new Deduction(Wga, 20_000)]);

        adjustments.ShouldBe([new Deduction(Wga, 20_000)]);
    }

    [Fact]
    public void Correction_OnAnUitkeringNoLongerRunning_TakesItsDeductionBack()
    {
        InkomstenSignaalRules.Adjustments([new Deduction(Wga, 20_000), new Deduction(Ww, 10_000)], [new Deduction(Ww, 10_000)])
            .ShouldBe([new Deduction(Wga, -20_000)]);
    }

    [Fact]
    public void Correction_ThatLowersAPaidMonth_IsKeptForReview()
    {
        InkomstenSignaalRules.StatusForCorrection(uitkeringenInMonth: 1, changeCents: -1, monthPaid: true).ShouldBe(InkomstenSignaalRules.TeBeoordelen);
    }

    [Fact]
    public void Correction_ThatLowersAMonthNotPaidYet_IsVerrekend()
    {
        InkomstenSignaalRules.StatusForCorrection(uitkeringenInMonth: 1, changeCents: -1, monthPaid: false).ShouldBe(InkomstenSignaalRules.Verrekend);
    }

    [Fact]
    public void Correction_ThatRaisesAPaidMonth_IsVerrekend()
    {
        InkomstenSignaalRules.StatusForCorrection(uitkeringenInMonth: 1, changeCents: 1, monthPaid: true).ShouldBe(InkomstenSignaalRules.Verrekend);
        InkomstenSignaalRules.StatusForCorrection(uitkeringenInMonth: 1, changeCents: 0, monthPaid: true).ShouldBe(InkomstenSignaalRules.Verrekend);
    }

    [Fact]
    public void Correction_ForAMonthWithoutUitkering_IsKeptForReview()
    {
        InkomstenSignaalRules.StatusForCorrection(uitkeringenInMonth: 0, changeCents: 5, monthPaid: false).ShouldBe(InkomstenSignaalRules.TeBeoordelen);
    }
}
