using Uwv.Contracts.Events;

namespace Uwv.Handover.Domain;

/// <summary>One division's dossier in a lineage (the same case as it moves between divisions); at most one is active.</summary>
public sealed record OwnershipRow(Guid DossierId, Guid LineageId, Guid ClientId, DivisionCode Division, string Team, bool Active, DateTimeOffset Since);

/// <summary>
/// Who owns a dossier lineage: exactly one (team + division) at every moment. A dossier opened by a division starts
/// a lineage it owns; a move deactivates the sender's dossier and activates the receiver's, in one step, and a move
/// applied twice, or after a newer one, changes nothing. Pure: the service applies it to the rows of one lineage in one transaction.
/// </summary>
public static class OwnershipLedger
{
    public static IReadOnlyList<OwnershipRow> Open(IReadOnlyList<OwnershipRow> rows, Guid dossierId, Guid clientId, DivisionCode division, string team, DateTimeOffset at) =>
        rows.Any(r => r.DossierId == dossierId)
            ? rows
            : [.. rows, new OwnershipRow(dossierId, dossierId, clientId, division, team, Active: true, at)];

    public static IReadOnlyList<OwnershipRow> Move(IReadOnlyList<OwnershipRow> rows, DossierTransferred move)
    {
        var owner = rows.FirstOrDefault(r => r.LineageId == move.LineageId && r.Active);
        if (owner is not null && (owner.DossierId == move.ToDossierId || owner.Since > move.OccurredAt))
        {
            // Already applied, or older than the owner's current state: a replay or a late duplicate.
            return rows;
        }
        var result = rows
            .Select(r => r.LineageId == move.LineageId && r.Active ? r with { Active = false } : r)
            .Where(r => r.DossierId != move.ToDossierId)
            .ToList();
        result.Add(new OwnershipRow(move.ToDossierId, move.LineageId, move.ClientId, move.ToDivision, move.AreaTeam, Active: true, move.OccurredAt));
        return result;
    }

    /// <summary>
    /// The owning division closed the dossier outside a handover (<c>DossierStatusChanged</c> to closed): the lineage
    /// ends, with no owner needed, and the dossier no longer counts as open. A dossier not seen yet is recorded closed,
    /// so its late <c>DossierOpened</c> changes nothing. <c>ClosedOpen</c>: an active dossier was closed (the open count drops).
    /// A dossier that already moved on (inactive) is left as it is.
    /// </summary>
    public static (IReadOnlyList<OwnershipRow> Rows, bool ClosedOpen) Close(
        IReadOnlyList<OwnershipRow> rows, Guid dossierId, Guid clientId, DivisionCode division, DateTimeOffset at)
    {
        var row = rows.FirstOrDefault(r => r.DossierId == dossierId);
        if (row is null)
        {
            return ([.. rows, new OwnershipRow(dossierId, dossierId, clientId, division, "", Active: false, at)], false);
        }
        if (!row.Active || row.Since > at)
        {
            return (rows, false);
        }
        return (rows.Select(r => r.DossierId == dossierId ? r with { Active = false, Since = at } : r).ToList(), true);
    }

    public static OwnershipRow? Owner(IReadOnlyList<OwnershipRow> rows, Guid lineageId) =>
        rows.SingleOrDefault(r => r.LineageId == lineageId && r.Active);

    /// <summary>The invariant: every lineage among <paramref name="rows"/> has exactly one active dossier.</summary>
    public static bool EveryLineageHasExactlyOneOwner(IReadOnlyList<OwnershipRow> rows) =>
        rows.GroupBy(r => r.LineageId).All(g => g.Count(r => r.Active) == 1);
}
