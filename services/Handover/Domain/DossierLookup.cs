using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>What a division answered about one of its dossiers (the fields of uwv.common.v1.Dossier the handover service needs).</summary>
public sealed record DivisionDossier(
    Guid DossierId, Guid ClientId, DivisionCode Division, string OwnerTeam, string OwnerEmployee, string Status, DateTimeOffset OpenedAt);

/// <summary>A dossier learned from its division: the ledger row it starts and the event it stands in for.</summary>
public sealed record LearnedDossier(OwnershipRow Row, DossierOpened Opened);

/// <summary>
/// A dossier the handover service has not seen yet (its <see cref="DossierOpened"/> is still on the bus) is asked of
/// the division it is handed over from. Pure: the division's answer in, what to record (or why not) out.
/// </summary>
public static class DossierLookup
{
    /// <summary>A dossier its division has closed is not handed over.</summary>
    public const string DossierClosedRule = "dossier-closed";

    /// <summary>
    /// The dossier as the ledger records it: the same row and flow-load event as when <see cref="DossierOpened"/> arrives,
    /// so the later event changes nothing. <c>null</c> when the division does not know the dossier: it does not exist.
    /// A closed dossier is a refusal, and nothing is learned.
    /// </summary>
    public static (LearnedDossier? Learned, Refusal? Refusal) Learn(Guid dossierId, DivisionCode askedDivision, DivisionDossier? answer)
    {
        if (answer is null || answer.DossierId != dossierId || answer.Division != askedDivision)
        {
            return (null, null);
        }
        if (answer.Status == "closed")
        {
            return (null, new Refusal(DossierClosedRule, $"the dossier is closed in {HandoverKinds.Code(askedDivision)}; a closed dossier is not handed over"));
        }
        var opened = new DossierOpened(answer.DossierId, answer.ClientId, answer.Division, answer.OwnerTeam, answer.OwnerEmployee, answer.OpenedAt);
        var row = OwnershipLedger.Open([], opened.DossierId, opened.ClientId, opened.Division, opened.OwnerTeam, opened.OccurredAt).Single();
        return (new LearnedDossier(row, opened), null);
    }
}
