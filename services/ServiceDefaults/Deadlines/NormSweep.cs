using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Uwv.ServiceDefaults.Dossiers;

namespace Uwv.ServiceDefaults.Deadlines;

/// <summary>What one sweep did.</summary>
public readonly record struct NormSweepResult(int Warned, int Escalated, int Failed, bool Full);

/// <summary>
/// One pass over a division's due norm deadlines. Each warning and each escalation commits in its own transaction with
/// its outbox event and a version bump, so it fires exactly once: a second pass, a restart or a second instance finds it
/// fired, or loses the version race. A deadline that fails is logged and set aside for a while
/// (<see cref="NormRules.RetryDelay"/>); the others go on, and a batch is never filled by deadlines that keep failing.
/// A suspended deadline is not due.
/// </summary>
public sealed class NormSweep<TContext>(TContext db, TimeProvider clock, ILogger<NormSweep<TContext>> logger)
    where TContext : DivisionDbContext
{
    public const int BatchSize = 100;

    public async Task<NormSweepResult> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.NormDeadlines.AsNoTracking()
            .Where(d => d.ResolvedAt == null && d.EscalatedAt == null && d.SuspendedAt == null
                && (d.RetryAt == null || d.RetryAt <= now)
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
                db.ChangeTracker.Clear();
                logger.LogWarning("Norm deadline {DeadlineId} of {Context} failed to fire ({ExceptionType})", id, typeof(TContext).Name, ex.GetType().Name);
                await SetAsideAsync(id, now, ct);
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
        deadline.FailedAttempts = 0;
        deadline.RetryAt = null;
        await db.SaveChangesAsync(ct);
        return step;
    }

    /// <summary>Counts the failure and keeps the deadline out of the sweeps until its retry moment.</summary>
    private async Task SetAsideAsync(Guid id, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            var attempts = await db.NormDeadlines.Where(d => d.DeadlineId == id).Select(d => d.FailedAttempts).FirstOrDefaultAsync(ct) + 1;
            var retryAt = now + NormRules.RetryDelay(attempts);
            await db.NormDeadlines.Where(d => d.DeadlineId == id)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.FailedAttempts, attempts).SetProperty(d => d.RetryAt, retryAt), ct);
            logger.LogInformation("Norm deadline {DeadlineId} set aside after {Attempts} failed attempts, until {RetryAt}", id, attempts, retryAt);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // The database itself is failing: the next sweep finds the deadline due again and retries it.
            logger.LogWarning("Norm deadline {DeadlineId} could not be set aside ({ExceptionType}); retried at the next sweep", id, ex.GetType().Name);
        }
    }
}
