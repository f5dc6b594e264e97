using Uwv.Contracts.Events;

namespace Uwv.ServiceDefaults.Dossiers;

/// <summary>
/// What a transfer does to a division's dossier rows. Every step is a no-op when already done, and a move older than
/// the newest one applied to the dossier changes nothing: a transfer and its return may arrive in either order, or be
/// processed at the same time (the row's version makes one of them retry), and the lineage still ends with exactly
/// one open dossier, the one the newest move opened.
/// </summary>
public static class TransferRules
{
    public const string OpenStatus = "open";
    public const string ClosedStatus = "closed";

    /// <summary>
    /// Applies a move to one division's rows: <paramref name="sending"/> and <paramref name="receiving"/> are the rows
    /// this division holds for the move's two dossiers (null when absent). Returns the rows to add.
    /// </summary>
    public static IReadOnlyList<DossierRecord> Apply(DivisionCode division, DossierTransferred e, DossierRecord? sending, DossierRecord? receiving)
    {
        var added = new List<DossierRecord>();
        if (e.FromDivision == division)
        {
            if (sending is null)
            {
                added.Add(ClosedOnArrival(e));
            }
            else
            {
                Close(sending, e);
            }
        }
        if (e.ToDivision == division)
        {
            if (receiving is null)
            {
                added.Add(Open(e));
            }
            else
            {
                Reopen(receiving, e);
            }
        }
        return added;
    }

    /// <summary>True when a move at least as new as <paramref name="e"/> has been applied to the dossier.</summary>
    public static bool IsSuperseded(DossierRecord dossier, DossierTransferred e) =>
        dossier.LastMoveAt is { } last && last >= e.OccurredAt;

    /// <summary>The sending side: the dossier closes.</summary>
    public static void Close(DossierRecord dossier, DossierTransferred e)
    {
        if (IsSuperseded(dossier, e))
        {
            return;
        }
        dossier.Status = ClosedStatus;
        dossier.LastMoveAt = e.OccurredAt;
        dossier.Version++;
    }

    /// <summary>
    /// The sending side when the dossier is not here yet: the move that created it (an earlier transfer into this
    /// division) has not arrived. The dossier is recorded closed, so that earlier move cannot open it later.
    /// </summary>
    public static DossierRecord ClosedOnArrival(DossierTransferred e) => new()
    {
        DossierId = e.FromDossierId,
        ClientId = e.ClientId,
        Division = e.FromDivision,
        OwnerTeam = e.AreaTeam,
        OwnerEmployee = "",
        Status = ClosedStatus,
        OpenedAt = e.OccurredAt,
        LastMoveAt = e.OccurredAt,
        Version = 1,
    };

    /// <summary>The receiving side, first time: the dossier the handover derived opens here.</summary>
    public static DossierRecord Open(DossierTransferred e) => new()
    {
        DossierId = e.ToDossierId,
        ClientId = e.ClientId,
        Division = e.ToDivision,
        OwnerTeam = e.AreaTeam,
        OwnerEmployee = e.ReceivingEmployee,
        Status = OpenStatus,
        OpenedAt = e.OccurredAt,
        LastMoveAt = e.OccurredAt,
        Version = 1,
    };

    /// <summary>
    /// The receiving side when the dossier exists: after a return it reopens. When a newer move already closed it, the
    /// late move only completes what the newer one could not know (when the dossier was first opened).
    /// </summary>
    public static void Reopen(DossierRecord dossier, DossierTransferred e)
    {
        if (IsSuperseded(dossier, e))
        {
            if (e.OccurredAt < dossier.OpenedAt)
            {
                dossier.OpenedAt = e.OccurredAt;
                dossier.Version++;
            }
            return;
        }
        dossier.Status = OpenStatus;
        dossier.OwnerTeam = e.AreaTeam;
        dossier.LastMoveAt = e.OccurredAt;
        dossier.Version++;
    }
}
