using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>The handover service's events in the picture. Returns null for an event that is not the handover's.</summary>
public static class HandoverProjection
{
    public const string Open = "open";
    public const string Closed = "closed";

    public static KlantbeeldDocument? Apply(KlantbeeldDocument doc, IClientEvent @event) => @event switch
    {
        IHandoverEvent e => doc with
        {
            Handovers = KlantbeeldProjection.Upsert(doc.Handovers, h => h.HandoverId == e.Handover.HandoverId, View(e.Handover, e.OccurredAt),
                h => h.Version, h => h.RequestedAt),
        },
        SignaalRecorded e => doc with
        {
            Signalen = KlantbeeldProjection.Upsert(doc.Signalen, s => s.SignaalId == e.SignaalId,
                new SignaalView(e.SignaalId, e.Factor, e.Note, e.RecordedBy, e.OccurredAt), SignaalVersion, s => s.RecordedAt),
        },
        // An ended signaal (ended, or consent withdrawn) keeps only a tombstone without its note; it is not shown.
        SignaalEnded e => doc with
        {
            Signalen = KlantbeeldProjection.Upsert(doc.Signalen, s => s.SignaalId == e.SignaalId,
                new SignaalView(e.SignaalId, e.Factor, "", e.RecordedBy, e.RecordedAt) { EndedAt = e.OccurredAt }, SignaalVersion, s => s.RecordedAt),
        },
        DossierTransferred e => Moved(doc, e),
        _ => null,
    };

    /// <summary>The signalen shown: those not ended.</summary>
    public static IEnumerable<SignaalView> ActiveSignalen(KlantbeeldDocument doc) => doc.Signalen.Where(s => s.EndedAt is null);

    private static int SignaalVersion(SignaalView s) => s.EndedAt is null ? 0 : 1;

    /// <summary>Handovers not yet accepted or cancelled: what the employee sees as "in transit".</summary>
    public static IEnumerable<HandoverView> OpenHandovers(KlantbeeldDocument doc) =>
        doc.Handovers.Where(h => h.State is not ("accepted" or "cancelled"));

    private static HandoverView View(HandoverSnapshot h, DateTimeOffset at) =>
        new(h.HandoverId, h.DossierId, h.FromDivision, h.ToDivision, h.State, h.RequestedAt, at)
        {
            Version = h.Version,
            DueAt = h.DueAt,
            EscalationLevel = h.EscalationLevel,
            WarmHandoverRequired = h.WarmHandoverRequired,
            Casusoverleg = h.Casusoverleg,
        };

    /// <summary>Dossier statuses follow the newest move that touched them, whatever order the moves arrived in.</summary>
    private static KlantbeeldDocument Moved(KlantbeeldDocument doc, DossierTransferred e)
    {
        var moves = KlantbeeldProjection.Upsert(doc.DossierMoves, m => m.TransferId == e.TransferId,
            new DossierMoveView(e.TransferId, e.FromDossierId, e.ToDossierId, e.ToDivision, e.AreaTeam, e.ReceivingEmployee, e.OccurredAt),
            m => m.At, m => m.At);
        var dossiers = doc.Dossiers.ToList();
        foreach (var move in moves.Where(m => dossiers.All(d => d.DossierId != m.ToDossierId)).GroupBy(m => m.ToDossierId).Select(g => g.First()))
        {
            dossiers.Add(new DossierView(move.ToDossierId, move.ToDivision, move.AreaTeam, move.ReceivingEmployee, Open, move.At));
        }
        var result = dossiers.Select(d => FollowNewestMove(d, moves)).OrderBy(d => d.OpenedAt).ThenBy(d => d.DossierId).ToList();
        return doc with { DossierMoves = moves, Dossiers = result };
    }

    /// <summary>
    /// The status the newest move touching the dossier gives it (open where it arrived, closed where it left), unless
    /// the division changed the status after that move.
    /// </summary>
    internal static DossierView FollowNewestMove(DossierView dossier, IReadOnlyList<DossierMoveView> movesOldestFirst)
    {
        var last = movesOldestFirst.LastOrDefault(m => m.FromDossierId == dossier.DossierId || m.ToDossierId == dossier.DossierId);
        return last is null ? dossier : dossier.WithStatus(last.ToDossierId == dossier.DossierId ? Open : Closed, last.At);
    }
}
