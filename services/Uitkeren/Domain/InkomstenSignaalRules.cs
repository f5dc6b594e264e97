using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Uitkeren.Domain;

/// <summary>
/// Inkomsten signals are never dropped (the polisadministratie signal that did not reach benefit workers for three
/// years): a signal for a month in which no WW, WIA-WGA or Ziektewet uitkering ran is kept and put on the
/// uitkeringsdeskundige's worklist for review instead of being refused. Pure rules.
/// </summary>
public static class InkomstenSignaalRules
{
    /// <summary>Deducted from the month's uitkeringen.</summary>
    public const string Verrekend = "verrekend";
    /// <summary>Kept for an uitkeringsdeskundige to review: nothing to deduct it from.</summary>
    public const string TeBeoordelen = "te-beoordelen";
    /// <summary>Reviewed, with the uitkeringsdeskundige's note.</summary>
    public const string Beoordeeld = "beoordeeld";
    /// <summary>Corrected by a later signal for the same month; kept as history, counted no more.</summary>
    public const string Vervangen = "vervangen";

    /// <summary>Only a signal waiting for review is reviewed, once.</summary>
    public const string ReviewOpenRule = "signaal-te-beoordelen";

    /// <summary>What happens to a signal: deducted when an uitkering ran in the month, otherwise kept for review.</summary>
    public static string StatusFor(int uitkeringenInMonth) => uitkeringenInMonth > 0 ? Verrekend : TeBeoordelen;

    public static Refusal? MayCompleteReview(string status) => status == TeBeoordelen
        ? null
        : new Refusal(ReviewOpenRule, "only a signal waiting for review is reviewed");

    /// <summary>
    /// A corrected signal for a month that already has one replaces it; the same income again is the same signal.
    /// </summary>
    public static bool IsCorrection(long recordedIncomeCents, long incomeCents) => recordedIncomeCents != incomeCents;

    /// <summary>
    /// What a correction changes per uitkering: the corrected deduction minus what the month's earlier signals
    /// deducted, so the month's verrekeningen always add up to the corrected figure. Only changes are returned, in the
    /// order the uitkeringen first appear (earlier deductions first).
    /// </summary>
    public static IReadOnlyList<Deduction> Adjustments(IEnumerable<Deduction> deducted, IEnumerable<Deduction> corrected)
    {
        var change = new Dictionary<Guid, long>();
        var order = new List<Guid>();
        foreach (var (id, cents, sign) in deducted.Select(d => (d.UitkeringId, d.DeductedCents, -1))
                     .Concat(corrected.Select(d => (d.UitkeringId, d.DeductedCents, 1))))
        {
            if (!change.ContainsKey(id))
            {
                order.Add(id);
                change[id] = 0;
            }
            change[id] += sign * cents;
        }
        return order.Where(id => change[id] != 0).Select(id => new Deduction(id, change[id])).ToList();
    }

    /// <summary>
    /// A correction that lowers the deduction of a month already paid means the client was recovered too much: it is
    /// kept for an uitkeringsdeskundige to review (and repay), like a signal without an uitkering in its month.
    /// </summary>
    public static string StatusForCorrection(int uitkeringenInMonth, long changeCents, bool monthPaid) =>
        uitkeringenInMonth == 0 || (changeCents < 0 && monthPaid) ? TeBeoordelen : Verrekend;
}
