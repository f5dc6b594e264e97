using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>What one sweep did.</summary>
public readonly record struct NormSweepResult(int Warned, int Escalated, int Failed, bool Full);

/// <summary>
/// One pass over a division's due norm deadlines. Each warning and each escalation commits in its own transaction with
/// its outbox event and a version bump, so it fires exactly once: a second pass, a restart or a second instance finds it
/// fired, or loses the version race. A deadline that fails is logged and left for the next pass; the others go on.
/// </summary>
public sealed class NormSweep<TContext>(TContext db, TimeProvider clock, ILogger<NormSweep<TContext>> logger)
    where TContext : DivisionDbContext
{
    public const int BatchSize = 100;

    public async Task<NormSweepResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.NormDeadlines.AsNoTracking()
            .Where(d => d.ResolvedAt == null && d.EscalatedAt == null
                && (d.DueAt < now || (d.WarnedAt == null && d.WarnAt != null && d.WarnAt <= now)))
            .OrderBy(d => d.DueAt).ThenBy(d => d.DeadlineId)
            .Select(d => d.DeadlineId)
            .Take(BatchSize)
            .ToListAsync(ct);
        int warned = 0, escalated = 0, failed = 0;
        foreach (var id in due)
        {
            try
            {
                switch (await FireAsync(id, now, ct))
                {
                    case NormStep.Warn:
                        warned++;
                        break;
                    case NormStep.Escalate:
                        escalated++;
                        break;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another sweeper, or the work itself, changed this deadline first.
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                failed++;
                logger.LogWarning("Norm deadline {DeadlineId} of {Context} failed to fire ({ExceptionType}); retried at the next sweep",
                    id, typeof(TContext).Name, ex.GetType().Name);
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        return new NormSweepResult(warned, escalated, failed, due.Count == BatchSize);
    }

    private async Task<NormStep> FireAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        var deadline = await db.NormDeadlines.FirstOrDefaultAsync(d => d.DeadlineId == id, ct);
        var step = deadline is null ? NormStep.None : NormRules.Next(deadline, now);
        switch (step)
        {
            case NormStep.Warn:
                deadline!.WarnedAt = now;
                db.Publish(NormDeadlines.WarnedEvent(deadline, now), now);
                break;
            case NormStep.Escalate:
                deadline!.EscalatedAt = now;
                db.Publish(NormDeadlines.EscalatedEvent(deadline, now), now);
                break;
            default:
                return NormStep.None;
        }
        deadline.Version++;
        await db.SaveChangesAsync(ct);
        return step;
    }
}
