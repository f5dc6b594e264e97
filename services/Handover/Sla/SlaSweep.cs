using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;

namespace Uwv.Handover.Sla;

/// <summary>
/// One pass over the due SLA deadlines. Each fires in its own transaction together with its escalation event, so a
/// deadline fires exactly once: a second pass, a restart or a second sweeper finds it fired (or loses the version race).
/// </summary>
public sealed class SlaSweep(HandoverDbContext db, HandoverStore store, IOptions<HandoverOptions> options, TimeProvider clock)
{
    public const int BatchSize = 100;

    /// <summary>Fires the due deadlines; returns how many escalated a handover.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Deadlines
            .Where(d => d.FiredAt == null && d.ResolvedAt == null && d.DueAt <= now)
            .OrderBy(d => d.DueAt)
            .Take(BatchSize)
            .ToListAsync(ct);
        var escalated = 0;
        foreach (var deadline in due)
        {
            try
            {
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
        }
        return escalated;
    }
}
