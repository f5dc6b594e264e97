using System.Text.Json;
using Uwv.Calendar;
using Uwv.Contracts.Events;
using Uwv.Handover.Kpi;

namespace Uwv.Handover.Data;

/// <summary>
/// Runs the KPI projection over events inside the caller's transaction: the lineage's KPI memory is updated with
/// the caller's SaveChanges, the counter increments are upserted in the same transaction (and roll back with it).
/// </summary>
public sealed class KpiRecorder(HandoverDbContext db, KpiStore store, OfficeHours office)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<Guid, KpiLineageRecord?> _known = [];

    /// <summary>
    /// Hands over a lineage's KPI memory (or its absence) read by the caller's own query, untracked, so that projecting
    /// the lineage's events does not read it again.
    /// </summary>
    public void Known(Guid lineageId, KpiLineageRecord? row)
    {
        if (row is not null && db.KpiLineages.Local.FindEntry(lineageId) is null)
        {
            db.KpiLineages.Attach(row);
        }
        _known[lineageId] = row;
    }

    public async Task RecordAsync(IEnumerable<IClientEvent> events, CancellationToken ct)
    {
        var (counters, gauges) = await ProjectAsync(events, ct);
        await store.IncrementAsync(counters, gauges, ct);
    }

    /// <summary>
    /// Updates the lineages' KPI memory (written by the caller's SaveChanges) and returns the increments for the caller
    /// to write last, just before its commit, so the shared counter rows are locked as briefly as possible.
    /// </summary>
    public async Task<(List<KpiDelta> Counters, List<GaugeDelta> Gauges)> ProjectAsync(IEnumerable<IClientEvent> events, CancellationToken ct)
    {
        var counters = new List<KpiDelta>();
        var gauges = new List<GaugeDelta>();
        var states = new Dictionary<Guid, (KpiLineageRecord? Row, LineageKpi? State)>();
        foreach (var e in events)
        {
            Guid? lineageId = e is IHandoverEvent h ? h.Handover.LineageId : null;
            LineageKpi? state = null;
            if (lineageId is { } id)
            {
                if (!states.TryGetValue(id, out var known))
                {
                    var row = _known.TryGetValue(id, out var given) ? given : await db.KpiLineages.FindAsync([id], ct);
                    known = (row, row is null ? null : JsonSerializer.Deserialize<LineageKpi>(row.State, Json));
                }
                state = known.State;
                states[id] = known;
            }
            var update = KpiProjection.Apply(state, e, office);
            if (lineageId is { } changed && update.Lineage is not null)
            {
                states[changed] = (states[changed].Row, update.Lineage);
            }
            counters.AddRange(update.Counters);
            gauges.AddRange(update.Gauges);
        }
        foreach (var (id, (row, state)) in states)
        {
            if (state is null)
            {
                continue;
            }
            var json = JsonSerializer.Serialize(state, Json);
            if (row is null)
            {
                db.Insert(new KpiLineageRecord { LineageId = id, State = json });
            }
            else
            {
                row.State = json;
            }
        }
        return (counters, gauges);
    }
}
