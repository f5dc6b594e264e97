using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Domain;

/// <summary>The divisions' events in the picture. Returns null for an event that is not a division's.</summary>
public static class DivisionProjection
{
    public static KlantbeeldDocument? Apply(KlantbeeldDocument doc, IClientEvent @event) => @event switch
    {
        BeoordelingRecorded e => doc with
        {
            Beoordelingen = KlantbeeldProjection.Upsert(doc.Beoordelingen, b => b.BeoordelingId == e.BeoordelingId,
                new BeoordelingView(e.BeoordelingId, e.Type, e.AoKlasse, e.FmlSummary, e.DecisionDate, e.OccurredAt),
                b => b.RecordedAt, b => b.DecisionDate),
        },
        _ => null,
    };
}
