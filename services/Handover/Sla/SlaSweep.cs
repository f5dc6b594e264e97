using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;

namespace Uwv.Handover.Sla;

/// <summary>
/// One pass over the due SLA deadlines. Each fires in its own transaction together with its escalation event, so a
/// deadline fires exactly once: a second pass, a restart or a second sweeper finds it fired (or loses the version race).
/// A deadline that fails for another reason is logged and tried again next pass; it does not stop the others.
/// </summary>
public sealed class SlaSweep(HandoverDbContext db, HandoverStore store, IOptions<HandoverOptions> options, TimeProvider clock, ILogger<SlaSweep> logger)
{
    public const int BatchSize = 100;

    /// <summary>Fires the due deadlines; returns how many escalated a handover.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deadlines
            .Where(d => d.FiredAt == null && d.ResolvedAt == null && d.DueAt <= now)
            .OrderBy(d => d.DueAt)
            .Select(d => d.DeadlineId)
            .Take(BatchSize)
            .ToListAsync(ct);
        var escalated = 0;
        foreach (var id in due)
        {
            try
            {
                // Loaded one by one: after a failed one the tracker is cleared, and the next must still be tracked.
                var deadline = await db.Deadlines.FirstAsync(d => d.DeadlineId == id, ct);
                if (deadline.FiredAt is not null || deadline.ResolvedAt is not null)
                {
                    continue;
                }
                var record = await db.Handovers.FirstAsync(h => h.HandoverId == deadline.HandoverId, ct);
                var state = HandoverMapping.ToState(record);
                var decision = HandoverDecider.Decide(state, new EscalateHandover(), options.Value, now);
                deadline.FiredAt = now;
                deadline.Version++;
                await store.SaveAsync(record, state.NextEscalationAt, decision, null, "escalate", now, ct);
                escalated += decision.Events.Count > 0 ? 1 : 0;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sweeper (or a command) changed the handover or fired this deadline first.
                db.ChangeTracker.Clear();
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning("SLA deadline {DeadlineId} failed to fire ({ExceptionType}); tried again at the next sweep", id, ex.GetType().Name);
                db.ChangeTracker.Clear();
            }
        }
        return escalated;
    }
}
