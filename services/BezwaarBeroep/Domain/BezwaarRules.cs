using Uwv.BezwaarBeroep.Data;
using Uwv.Calendar;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.BezwaarBeroep.Domain;

/// <summary>What may happen to a bezwaar, and why not. Pure rules over its current state; null means allowed.</summary>
public static class BezwaarRules
{
    public static Refusal? Open(BezwaarRecord b) =>
        b.Status == BezwaarStatus.InBehandeling ? null : new("bezwaar-open", "the bezwaar has been decided; it no longer changes");

    public static Refusal? RecordContact(BezwaarRecord b) =>
        Open(b) ?? (b.ContactedOn is null ? null : new("contact-recorded-once", "the first contact with the client is already recorded"));

    /// <summary>
    /// Awb 7:10 lid 3: the term may be postponed once, announced in writing before it ends. Lid 4: further uitstel with
    /// the client's consent (or at their request) is always possible while the bezwaar is open; it is recorded, not refused.
    /// </summary>
    public static Refusal? Verdaag(BezwaarRecord b, DateOnly announcedOn, bool clientConsent)
    {
        if (Open(b) is { } refusal)
        {
            return refusal;
        }
        if (clientConsent)
        {
            return null;
        }
        if (b.VerdagingWeeks > 0)
        {
            return new("verdaging-once", "the beslistermijn was already postponed; a further uitstel needs the client's consent or request (7:10 lid 4): set client_consent");
        }
        return b.BeslistermijnEndsOn is { } end && announcedOn > end
            ? new("verdaging-before-term-ends", $"the verdaging must be announced by {end:yyyy-MM-dd}, the last day of the beslistermijn")
            : null;
    }

    public static Refusal? StartHerstel(BezwaarRecord b) =>
        Open(b) ?? (b.HerstelRequestedOn is null ? null : new("one-herstel-at-a-time", "a herstel verzuim is already pending"));

    public static Refusal? EndHerstel(BezwaarRecord b) =>
        Open(b) ?? (b.HerstelRequestedOn is not null ? null : new("herstel-pending", "no herstel verzuim is pending"));

    /// <summary>Awb 4:17 lid 6 and 7:3: only a niet-ontvankelijk or ongegrond outcome can be kennelijk (manifest).</summary>
    public static bool CanBeKennelijk(BezwaarOutcome outcome) => outcome is BezwaarOutcome.NietOntvankelijk or BezwaarOutcome.Ongegrond;

    /// <summary>
    /// Horen is the norm (Awb 7:2): a bezwaar judged on its merits needs a hearing held or waived (7:3); a kennelijk
    /// ongegrond bezwaar may be decided without (7:3 sub b). A late bezwaar that is not excusable (6:11) is
    /// niet-ontvankelijk, not judged on its merits.
    /// </summary>
    public static Refusal? Decide(BezwaarRecord b, BezwaarOutcome outcome, bool kennelijk)
    {
        if (Open(b) is { } refusal)
        {
            return refusal;
        }
        var onTheMerits = outcome is BezwaarOutcome.Gegrond or BezwaarOutcome.Ongegrond;
        if (onTheMerits && !b.FiledOnTime && !b.LateFilingExcused)
        {
            return new("te-laat-niet-verschoonbaar", "a late bezwaar that is not excusable is niet-ontvankelijk (Awb 6:11)");
        }
        if (onTheMerits && !kennelijk && b.HoorzittingHeldOn is null && b.HorenWaivedReason is null)
        {
            return new("horen-is-de-norm", "hear the client, or record why horen is waived (Awb 7:3), before deciding on the merits");
        }
        return null;
    }

    public static Refusal? RegisterBeroep(BezwaarRecord b) =>
        b.Status == BezwaarStatus.Beslist && b.Outcome != BezwaarOutcome.Ingetrokken
            ? null
            : new("beroep-after-beslissing", "beroep is against the decision on the bezwaar: decide it first");

    /// <summary>Awb 4:17: notice of default counts only once the beslistermijn has lapsed; the first one counts.</summary>
    public static Refusal? RecordIngebrekestelling(BezwaarRecord b, DateOnly receivedOn)
    {
        if (Open(b) is { } refusal)
        {
            return refusal;
        }
        if (b.IngebrekestellingReceivedOn is not null)
        {
            return new("one-ingebrekestelling", "an ingebrekestelling was already received; the dwangsom runs from the first");
        }
        return b.BeslistermijnEndsOn is { } end && receivedOn > end
            ? null
            : new("beslistermijn-lapsed", "an ingebrekestelling counts only after the beslistermijn has lapsed");
    }

    /// <summary>Recomputes the stored terms after a change (the beslistermijn is unknown while suspended).</summary>
    public static void Recompute(BezwaarRecord b, WorkingDayCalendar workingDays)
    {
        var terms = Beslistermijn.Compute(
            b.DecisionSentOn, new Receipt(b.ReceivedOn, b.PostmarkDate), b.AdvisoryCommittee, b.VerdagingWeeks, b.UitstelWeeks, b.OpschortingDays, workingDays);
        b.BezwaartermijnEndsOn = terms.BezwaartermijnEndsOn;
        b.FiledOnTime = terms.FiledOnTime;
        b.BeslistermijnEndsOn = b.HerstelRequestedOn is null ? terms.BeslistermijnEndsOn : null;
        b.ContactDueOn = Beslistermijn.ContactDue(b.ReceivedOn, workingDays);
    }
}
