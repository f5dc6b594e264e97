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

    /// <summary>Only a signal waiting for review is reviewed, once.</summary>
    public const string ReviewOpenRule = "signaal-te-beoordelen";

    /// <summary>What happens to a signal: deducted when an uitkering ran in the month, otherwise kept for review.</summary>
    public static string StatusFor(int uitkeringenInMonth) => uitkeringenInMonth > 0 ? Verrekend : TeBeoordelen;

    public static Refusal? MayCompleteReview(string status) => status == TeBeoordelen
        ? null
        : new Refusal(ReviewOpenRule, "only a signal waiting for review is reviewed");
}
