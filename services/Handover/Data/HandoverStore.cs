using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Data;

/// <summary>
/// Writes a decision in one transaction: the handover's new state, its SLA deadline rows, the dossier's owner and
/// move history, the events in the outbox and the KPI increments. A refused decision never reaches this class.
/// </summary>
public sealed class HandoverStore(
    HandoverDbContext db, KpiRecorder kpis, KpiStore kpiStore, OutboxSignal<HandoverDbContext> signal)
{
    /// <summary>The history rows the last <see cref="SaveAsync"/> wrote, for an answer built from memory.</summary>
    public IReadOnlyList<HandoverHistoryRecord> WrittenHistory { get; private set; } = [];

    public async Task<HandoverRecord> SaveAsync(
        HandoverRecord? existing, DateTimeOffset? previousEscalationAt, Decision decision, string? requestId, string command,
        DateTimeOffset now, CancellationToken ct, string? requestedBy = null)
    {
        var state = decision.State ?? throw new InvalidOperationException("a refused decision cannot be saved");
        // A new handover's rows go from their objects in one round trip, without the change tracker.
        using var staging = db.StageOutsideTracker();
        var record = existing;
        if (record is null)
        {
            record = HandoverMapping.NewRecord(state, requestId);
            db.Insert(record);
        }
        else
        {
            HandoverMapping.Apply(record, state);
            if (requestId is not null && requestedBy is not null)
            {
                db.Insert(new HandoverCommandRecord
                {
                    RequestedBy = requestedBy, RequestId = requestId, HandoverId = record.HandoverId, Command = command, At = now,
                });
            }
        }
        var history = HandoverMapping.ToRecords(record.HandoverId, state.Version,
            HandoverHistory.From(decision.Events, requestedBy ?? (existing is null ? state.RequestedBy : HandoverHistory.System))).ToList();
        foreach (var row in history)
        {
            db.Insert(row);
        }
        WrittenHistory = history;
        await SyncDeadlinesAsync(record.HandoverId, existing is null, previousEscalationAt, state, now, ct);
        var ownership = new List<GaugeDelta>();
        foreach (var e in decision.Events)
        {
            if (e is DossierTransferred move)
            {
                ownership.AddRange(await MoveAsync(move, ct));
            }
            db.Publish(e, e.GetType(), now);
        }
        // Projected once, staged with the rest: a retried transaction writes the same rows and the same increments again.
        var (counters, gauges) = await kpis.ProjectAsync(decision.Events, ct);
        var saved = record;
        // Taken before the transaction begins: the wait for a free shard holds no connection and no lock.
        await kpiStore.ShardAsync(ct);
        try
        {
            // Last in the write: every handover of a team increments the same counter keys. A new handover goes in one
            // round trip (decision 0040).
            await db.SaveWithLastStatementAsync(
                await kpiStore.IncrementStatementsAsync(counters, gauges.Concat(ownership), ct),
                attempt => db.Handovers.AsNoTracking().AnyAsync(h => h.HandoverId == saved.HandoverId && h.Version == saved.Version, attempt),
                ct);
        }
        finally
        {
            kpiStore.ReleaseShard();
        }
        // The write carries its events and the call's audit record; a write of one round trip passes no SaveChanges
        // interceptor, so the relay is woken here.
        signal.Notify();
        return record;
    }

    private async Task SyncDeadlinesAsync(
        Guid handoverId, bool isNew, DateTimeOffset? previous, HandoverState state, DateTimeOffset now, CancellationToken ct)
    {
        if (state.NextEscalationAt == previous)
        {
            return;
        }
        var open = isNew ? [] : (await db.Deadlines.Where(d => d.HandoverId == handoverId).ToListAsync(ct))
            .Where(d => d.FiredAt is null && d.ResolvedAt is null);
        foreach (var deadline in open)
        {
            deadline.ResolvedAt = now;
            deadline.Version++;
        }
        if (state.NextEscalationAt is { } due)
        {
            db.Insert(new HandoverDeadline
            {
                DeadlineId = Guid.NewGuid(), HandoverId = handoverId, Level = state.EscalationLevel + 1, DueAt = due.ToUniversalTime(), Version = 1,
            });
        }
    }

    /// <summary>
    /// Moves the lineage's ownership with the pure ledger and records the move for ping-pong detection. Returns the change
    /// of the "lineages without exactly one owner" gauge (always none while the ledger holds its invariant), so the
    /// dashboard reads that figure in constant time.
    /// </summary>
    private async Task<IEnumerable<GaugeDelta>> MoveAsync(DossierTransferred move, CancellationToken ct)
    {
        var tracked = await db.Dossiers.Where(d => d.LineageId == move.LineageId).ToListAsync(ct);
        var before = tracked.Select(HandoverMapping.ToRow).ToList();
        var after = OwnershipLedger.Move(before, move);
        foreach (var row in after)
        {
            var entity = tracked.FirstOrDefault(d => d.DossierId == row.DossierId);
            if (entity is null)
            {
                db.Dossiers.Add(new DossierOwnership
                {
                    DossierId = row.DossierId, LineageId = row.LineageId, ClientId = row.ClientId, Division = row.Division,
                    Team = row.Team, Active = row.Active, Since = row.Since,
                });
                continue;
            }
            entity.Active = row.Active;
            entity.Division = row.Division;
            entity.Team = row.Team;
            entity.Since = row.Since;
        }
        db.DossierMoves.Add(new DossierMoveRecord
        {
            MoveId = move.TransferId, LineageId = move.LineageId, HandoverId = move.HandoverId, FromDivision = move.FromDivision,
            ToDivision = move.ToDivision, Movement = move.Movement, At = move.OccurredAt,
        });
        var change = Violation(after) - (before.Count == 0 ? 0 : Violation(before));
        return change == 0 ? [] : [new GaugeDelta(move.AreaTeam, KpiMetrics.NoDivision, KpiMetrics.LineagesWithoutOneOwner, change)];
    }

    private static int Violation(IReadOnlyList<OwnershipRow> rows) => OwnershipLedger.EveryLineageHasExactlyOneOwner(rows) ? 0 : 1;
}
