namespace Uwv.Uitkeren.Domain;

/// <summary>What settling a voorschot against the granted WIA uitkering comes to.</summary>
public sealed record VoorschotSettlementResult(int Months, long VoorschotPaidCents, long UitkeringDueCents, long TerugvorderingCents, long NabetalingCents);

/// <summary>A deduction from one uitkering for a month's income.</summary>
public sealed record Deduction(Guid UitkeringId, long DeductedCents);

/// <summary>Verrekening: a voorschot against the uitkering, and income against the uitkeringen. Pure arithmetic in cents.</summary>
public static class VerrekeningRules
{
    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/>: the monthly payments made in between.</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return 0;
        }
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }

    /// <summary>
    /// Settles a voorschot when the WIA uitkering is granted on <paramref name="settledOn"/>: the voorschot paid for the
    /// whole months since its start is compared with the uitkering due for the same months (from the later of the two
    /// starts). Paid beyond what is due is recovered (terugvordering); due beyond what was paid is paid out (nabetaling).
    /// </summary>
    public static VoorschotSettlementResult SettleVoorschot(
        DateOnly voorschotStart, long voorschotMonthlyCents, DateOnly uitkeringStart, long uitkeringMonthlyCents, DateOnly settledOn)
    {
        var months = WholeMonths(voorschotStart, settledOn);
        var dueMonths = WholeMonths(uitkeringStart > voorschotStart ? uitkeringStart : voorschotStart, settledOn);
        var paid = months * voorschotMonthlyCents;
        var due = dueMonths * uitkeringMonthlyCents;
        return new VoorschotSettlementResult(months, paid, due, Math.Max(0, paid - due), Math.Max(0, due - paid));
    }

    /// <summary>
    /// Inkomstenverrekening: <paramref name="percentage"/>% of the month's income is deducted from the month's uitkeringen,
    /// in the order given, each at most down to nothing. Rounded to whole cents.
    /// </summary>
    public static IReadOnlyList<Deduction> DeductIncome(long incomeCents, int percentage, IEnumerable<(Guid UitkeringId, long MonthlyAmountCents)> uitkeringen)
    {
        var remaining = (long)Math.Round(incomeCents * percentage / 100m, MidpointRounding.AwayFromZero);
        var deductions = new List<Deduction>();
        foreach (var (id, monthly) in uitkeringen)
        {
            var deducted = Math.Min(remaining, monthly);
            deductions.Add(new Deduction(id, deducted));
            remaining -= deducted;
        }
        return deductions;
    }

    /// <summary>A month is paid once it is over: income found for it afterwards means an overpayment.</summary>
    public static bool IsPaid(DateOnly periodStart, DateOnly today) => periodStart.AddMonths(1) <= today;
}
