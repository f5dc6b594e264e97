namespace Uwv.Handover.Domain;

/// <summary>
/// Kwetsbaarheid is temporary (seed 000): a signaal lives from its recording, with the client's consent, until it is
/// ended with a reason or the client withdraws consent. Only a signaal that has not ended is shown, travels with a
/// handover and asks for a warme overdracht; an ended one stays in the history. Pure rules.
/// </summary>
public static class SignaalLifecycle
{
    /// <summary>A signaal ends once.</summary>
    public const string SignaalEndedRule = "signaal-ended";

    /// <summary>The reason recorded when the client withdrew consent.</summary>
    public const string ConsentWithdrawnReason = "consent-withdrawn";

    public static bool IsActive(DateTimeOffset? endedAt) => endedAt is null;

    public static Refusal? MayEnd(DateTimeOffset? endedAt) =>
        IsActive(endedAt) ? null : new Refusal(SignaalEndedRule, "the signaal has ended already");

    /// <summary>A withdrawal of consent ends every signaal of the client that is still active, and no other.</summary>
    public static IReadOnlyList<T> EndedByConsentWithdrawal<T>(IEnumerable<T> signalen, Func<T, DateTimeOffset?> endedAt) =>
        signalen.Where(s => IsActive(endedAt(s))).ToList();
}
