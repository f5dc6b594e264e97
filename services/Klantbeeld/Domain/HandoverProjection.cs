using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>The handover service's events in the picture. Returns null for an event that is not the handover's.</summary>
public static class HandoverProjection
{
    public static KlantbeeldDocument? Apply(KlantbeeldDocument doc, IClientEvent @event) => @event switch
    {
        HandoverRequested e => doc with
        {
            Handovers = KlantbeeldProjection.Upsert(doc.Handovers, h => h.HandoverId == e.HandoverId,
                new HandoverView(e.HandoverId, e.DossierId, e.FromDivision, e.ToDivision, e.State, e.OccurredAt, e.OccurredAt),
                h => h.StateAt, h => h.RequestedAt),
        },
        _ => null,
    };
}
