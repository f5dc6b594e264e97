using Uwv.Uitkeren.Domain;

namespace Uwv.UnitTests.Divisions.Uitkeren;

public sealed class VerrekeningRulesTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2026-01-01", "2026-04-10", 3)]
    [InlineData("2026-01-15", "2026-05-14", 3)]
    [InlineData("2026-01-15", "2026-05-15", 4)]
    [InlineData("2026-01-31", "2026-02-28", 1)] // month end: 31 January plus one month is 28 February
    [InlineData("2026-03-01", "2026-03-01", 0)]
    [InlineData("2026-03-10", "2026-03-01", 0)]
    [InlineData("2025-11-01", "2026-02-01", 3)] // over the year end
    public void WholeMonths_CountsMonthlyPayments(string from, string to, int months) =>
        VerrekeningRules.WholeMonths(D(from), D(to)).ShouldBe(months);

    // voorschot start, voorschot per month, uitkering start, uitkering per month, settled on => months, paid, due, terugvordering, nabetaling
    public static TheoryData<string, long, string, long, string, int, long, long, long, long> Settlements => new()
    {
        // 3 months of €1,000 voorschot against €900 WGA: paid €3,000, due €2,700: €300 recovered.
        { "2026-01-01", 100_000, "2025-12-15", 90_000, "2026-04-10", 3, 300_000, 270_000, 30_000, 0 },
        // 3 months of €800 against €1,000: €600 paid out.
        { "2026-01-01", 80_000, "2026-01-01", 100_000, "2026-04-10", 3, 240_000, 300_000, 0, 60_000 },
        // The uitkering starts after the voorschot: 4 months voorschot (15 Jan - 15 May) against 2 months uitkering
        // (1 Mar - 1 May): €4,000 paid, €2,400 due: €1,600 recovered.
        { "2026-01-15", 100_000, "2026-03-01", 120_000, "2026-05-20", 4, 400_000, 240_000, 160_000, 0 },
        // Settled before a month has passed: nothing to settle.
        { "2026-03-01", 100_000, "2026-03-01", 90_000, "2026-03-20", 0, 0, 0, 0, 0 },
    };

    [Theory]
    [MemberData(nameof(Settlements))]
    public void VoorschotVerrekening_WorkedExamples(string vStart, long vMonthly, string uStart, long uMonthly, string settledOn,
        int months, long paid, long due, long terugvordering, long nabetaling) =>
        VerrekeningRules.SettleVoorschot(D(vStart), vMonthly, D(uStart), uMonthly, D(settledOn))
            .ShouldBe(new VoorschotSettlementResult(months, paid, due, terugvordering, nabetaling));

    [Fact]
    public void Inkomstenverrekening_DeductsSeventyPercentOfTheIncome()
    {
        var ww = Guid.NewGuid();
        VerrekeningRules.DeductIncome(100_000, 70, [(ww, 150_000)]).ShouldBe([new Deduction(ww, 70_000)]);
    }

    [Fact]
    public void Inkomstenverrekening_WithSamenloop_FillsTheUitkeringenInOrder_NeverBelowNothing()
    {
        var ww = Guid.NewGuid();
        var wga = Guid.NewGuid();
        // €1,000 income: €700 to deduct; the WW of €500 goes to nothing, the remaining €200 comes off the WGA.
        VerrekeningRules.DeductIncome(100_000, 70, [(ww, 50_000), (wga, 80_000)]).ShouldBe([new Deduction(ww, 50_000), new Deduction(wga, 20_000)]);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(33_333, 23_333)] // 70% of €333.33 = €233.331, rounded to the cent
    [InlineData(10_000_000, 150_000)] // capped at the uitkering
    public void Inkomstenverrekening_RoundsToCents_AndIsCappedAtTheUitkering(long income, long deducted) =>
        VerrekeningRules.DeductIncome(income, 70, [(Guid.Empty, 150_000)]).Single().DeductedCents.ShouldBe(deducted);

    [Theory]
    [InlineData("2026-01-01", "2026-03-10", true)]
    [InlineData("2026-02-01", "2026-03-01", true)]
    [InlineData("2026-03-01", "2026-03-10", false)] // the current month is not paid yet: the next payment is adjusted
    public void Inkomstenverrekening_AfterPayment_IsAnOverpayment(string period, string today, bool paid) =>
        VerrekeningRules.IsPaid(D(period), D(today)).ShouldBe(paid);
}
