using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.Uitkeren.Domain;

/// <summary>
/// A voorschot is offered while the client's WIA claimbeoordeling is pending (seeds 002, 004). The client is called
/// about it; after three unanswered calls an e-mail is sent instead (seed 002). Pure rules.
/// </summary>
public static class VoorschotRules
{
    public const int UnansweredCallsBeforeEmail = 3;

    /// <param name="claimDecidedOnOrAfterAanvraag">SMZ decided a WIA claimbeoordeling for the client on or after the aanvraag.</param>
    /// <param name="hasWiaUitkering">The client already has a WIA uitkering.</param>
    /// <param name="hasOpenVoorschot">The client has a voorschot offered or running.</param>
    public static Refusal? Offer(bool claimDecidedOnOrAfterAanvraag, bool hasWiaUitkering, bool hasOpenVoorschot)
    {
        if (claimDecidedOnOrAfterAanvraag || hasWiaUitkering)
        {
            return new("voorschot-while-wia-claim-pending", "a voorschot is only for a client whose WIA claimbeoordeling is still pending");
        }
        return hasOpenVoorschot ? new("one-voorschot", "the client already has a voorschot offered or running") : null;
    }

    public static Refusal? Call(VoorschotStatus status) =>
        status is VoorschotStatus.Aangeboden or VoorschotStatus.Verstrekt
            ? null
            : new("voorschot-open", "the voorschot is settled or withdrawn; no more calls about it");

    public static Refusal? Start(VoorschotStatus status) =>
        status == VoorschotStatus.Aangeboden ? null : new("voorschot-aangeboden", "only an offered voorschot can start");

    /// <summary>
    /// After a call: unanswered calls in a row (a reached call resets the count), and whether this call was the third
    /// unanswered one, so an e-mail is sent instead of calling again.
    /// </summary>
    public static (int UnansweredCalls, bool SendEmail) AfterCall(int unansweredSoFar, bool reached) =>
        reached ? (0, false) : (unansweredSoFar + 1, unansweredSoFar + 1 == UnansweredCallsBeforeEmail);
}
