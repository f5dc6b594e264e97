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
                Postcode = e.Postcode,
                AreaTeam = e.AreaTeam,
                RegisteredAt = e.OccurredAt,
            },
            DossierOpened e => doc with
            {
                Dossiers = Upsert(doc.Dossiers, d => d.DossierId == e.DossierId,
                    new DossierView(e.DossierId, e.Division, e.OwnerTeam, e.OwnerEmployee, "open", e.OccurredAt),
                    d => d.OpenedAt, d => d.OpenedAt),
            },
            _ => DivisionProjection.Apply(doc, @event) ?? HandoverProjection.Apply(doc, @event) ?? doc,
        };
        return applied == doc && current is not null
            ? doc
            : applied with { LastEventAt = @event.OccurredAt > doc.LastEventAt ? @event.OccurredAt : doc.LastEventAt };
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
