using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The klantbeeld projection: a pure function of (picture, event). Every change is a keyed upsert, and state
/// that can change is only replaced by a newer event, so an event applied twice or late leaves the same picture.
/// </summary>
public static class KlantbeeldProjection
{
    public static KlantbeeldDocument Apply(KlantbeeldDocument? current, IClientEvent @event)
    {
        var doc = current ?? KlantbeeldDocument.Empty(@event.ClientId);
        var applied = @event switch
        {
            ClientRegistered e => doc with
            {
                Bsn = e.Bsn,
                Name = e.Name,
                DateOfBirth = e.DateOfBirth,
                // A move that happened later (and arrived earlier) keeps its newer address.
                Postcode = doc.Moves.Count > 0 ? doc.Postcode : e.Postcode,
                AreaTeam = doc.Moves.Count > 0 ? doc.AreaTeam : e.AreaTeam,
                RegisteredAt = e.OccurredAt,
            },
            ClientMoved e => ApplyMove(doc, e),
            DossierOpened e => ApplyOpened(doc, e),
            DossierRerouted e => ApplyRerouted(doc, e),
            _ => DivisionProjection.Apply(doc, @event) ?? HandoverProjection.Apply(doc, @event) ?? NormProjection.Apply(doc, @event) ?? doc,
        };
        return applied == doc && current is not null
            ? doc
            : applied with { LastEventAt = @event.OccurredAt > doc.LastEventAt ? @event.OccurredAt : doc.LastEventAt };
    }

    /// <summary>
    /// The opening facts of a dossier. What happened later and arrived first stays: a newer owner, a newer status,
    /// and the newest move of the dossier between divisions (a dossier transferred away is closed, whenever its
    /// opening arrives).
    /// </summary>
    private static KlantbeeldDocument ApplyOpened(KlantbeeldDocument doc, DossierOpened e)
    {
        var existing = doc.Dossiers.FirstOrDefault(d => d.DossierId == e.DossierId);
        var opened = new DossierView(e.DossierId, e.Division, e.OwnerTeam, e.OwnerEmployee, HandoverProjection.Open, e.OccurredAt)
        {
            StatusAt = e.OccurredAt,
        };
        var merged = existing is { OwnerSince: { } since } && since > e.OccurredAt
            ? opened with { OwnerTeam = existing.OwnerTeam, OwnerEmployee = existing.OwnerEmployee, OwnerSince = since }
            : opened;
        if (existing is not null)
        {
            merged = merged.WithStatus(existing.Status, existing.StatusAt);
        }
        merged = HandoverProjection.FollowNewestMove(merged, doc.DossierMoves);
        return existing == merged ? doc : doc with { Dossiers = Replace(doc.Dossiers, merged) };
    }

    /// <summary>A newer owner team; arriving before the opening, it creates the dossier the opening later completes.</summary>
    private static KlantbeeldDocument ApplyRerouted(KlantbeeldDocument doc, DossierRerouted e)
    {
        var existing = doc.Dossiers.FirstOrDefault(d => d.DossierId == e.DossierId);
        if (existing is not null && existing.Version > e.OccurredAt)
        {
            return doc;
        }
        var rerouted = (existing ?? new DossierView(e.DossierId, e.Division, e.NewTeam, "", "open", DateTimeOffset.MinValue))
            with { OwnerTeam = e.NewTeam, OwnerEmployee = "", OwnerSince = e.OccurredAt };
        return existing == rerouted ? doc : doc with { Dossiers = Replace(doc.Dossiers, rerouted) };
    }

    /// <summary>The dossiers with <paramref name="dossier"/> in place of its old view, in one order whatever the arrival order.</summary>
    internal static List<DossierView> Replace(IReadOnlyList<DossierView> dossiers, DossierView dossier) =>
        dossiers.Where(d => d.DossierId != dossier.DossierId).Append(dossier)
            .OrderBy(d => d.OpenedAt).ThenBy(d => d.DossierId).ToList();

    private static KlantbeeldDocument ApplyMove(KlantbeeldDocument doc, ClientMoved e)
    {
        var move = new MoveView(e.OldPostcode, e.NewPostcode, e.OldAreaTeam, e.NewAreaTeam, e.OccurredAt);
        if (doc.Moves.Contains(move))
        {
            return doc;
        }
        var moves = doc.Moves.Append(move).OrderBy(m => m.MovedAt).ToList();
        var latest = moves[^1];
        return doc with { Moves = moves, Postcode = latest.NewPostcode, AreaTeam = latest.NewAreaTeam };
    }

    /// <summary>
    /// Inserts or replaces the item matching <paramref name="match"/>. An existing item is only replaced by one at
    /// least as new (<paramref name="version"/>), so a late duplicate cannot roll state back. The list is kept in
    /// <paramref name="order"/> so the result does not depend on arrival order.
    /// </summary>
    internal static IReadOnlyList<T> Upsert<T, TVersion, TOrder>(
        IReadOnlyList<T> items, Func<T, bool> match, T item, Func<T, TVersion> version, Func<T, TOrder> order)
        where TVersion : IComparable<TVersion>
    {
        var existing = items.FirstOrDefault(match);
        if (existing is not null && version(existing).CompareTo(version(item)) > 0)
        {
            return items;
        }
        if (existing is not null && EqualityComparer<T>.Default.Equals(existing, item))
        {
            return items;
        }
        return items.Where(i => !match(i)).Append(item).OrderBy(order).ToList();
    }
}
