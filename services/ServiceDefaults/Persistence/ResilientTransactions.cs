using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Uwv.ServiceDefaults.Audit;

namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Explicit transactions under the context's execution strategy. On PostgreSQL that strategy retries transient
/// failures (<see cref="PersistenceExtensions.TransientRetries"/>) and refuses a transaction begun outside it, so every
/// unit of work that needs one transaction runs here: the whole unit is repeated on a transient failure, and after a
/// commit whose outcome is unknown <c>committed</c> asks the database whether it happened, so a retry never writes twice.
/// On SQLite (the embedded default) the unit runs once.
/// </summary>
public static class ResilientTransactions
{
    /// <summary>
    /// Saves the changes staged in the change tracker, then runs <paramref name="afterSave"/> (statements that must come
    /// last before the commit), in one transaction. The staged changes are not accepted until the commit succeeded, so
    /// a retry saves them again exactly as they were; stage nothing inside <paramref name="afterSave"/>.
    /// </summary>
    public static async Task SaveInTransactionAsync(
        this DbContext db, Func<CancellationToken, Task> afterSave, Func<CancellationToken, Task<bool>> committed, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(async attempt =>
        {
            // A failure rolls the whole transaction back; a savepoint around SaveChanges would only cost two round trips.
            db.Database.AutoSavepointsEnabled = false;
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, attempt);
            await afterSave(attempt);
        }, committed, ct);
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>
    /// The most rows a save sends in one round trip; a save of more keeps its explicit transaction, so one write never
    /// becomes one very large command.
    /// </summary>
    public const int OneTripRows = 500;

    /// <summary>
    /// Saves the changes staged in the change tracker and then <paramref name="last"/> (statements that must come after
    /// them, such as increments of shared counters; each one statement) as one unit. On PostgreSQL, when every staged change is an insert,
    /// the inserts and the last statements go to the server as one batch without BEGIN (<see cref="OneTripBatch"/>):
    /// PostgreSQL runs a batch that ends in one Sync as one implicit transaction, so all of it commits or none, in one
    /// round trip instead of three (the batch with BEGIN, the statement, COMMIT). A save with an update or a delete keeps
    /// its explicit transaction (<see cref="SaveInTransactionAsync"/>): EF Core learns that a concurrency check failed
    /// from the rows affected, after the batch, when an implicit transaction would already have committed. On SQLite
    /// the unit runs once, in a transaction. A transient failure repeats the unit; when its outcome is unknown,
    /// <paramref name="committed"/> asks the database whether it happened (decisions 0040, 0042).
    /// The batch of one round trip bypasses SaveChanges, so no SaveChanges interceptor sees it: the call's audit record
    /// is staged and settled here, and the caller wakes the outbox relay itself.
    /// </summary>
    public static async Task SaveWithLastStatementAsync(
        this ServiceDbContext db, IReadOnlyList<SqlStatement> last, Func<CancellationToken, Task<bool>> committed, CancellationToken ct)
    {
        if (db.OnNpgsql && db.Database.CurrentTransaction is null)
        {
            // The changes are detected at most once, here: the one-trip path reads the change tracker's entries several
            // times (to choose the path, to stage the audit record, to plan the batch), and each read would compare every
            // tracked entity with its snapshot again. Nothing is changed in between but added. When every tracked entity
            // is a new one (a handover request), there is nothing to detect: a new row is written from its current values.
            var tracker = db.ChangeTracker;
            var detects = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
            try
            {
                var (added, others) = Staged(db);
                if (others > 0)
                {
                    tracker.DetectChanges();
                    (added, others) = Staged(db, unchangedToo: false);
                }
                // Rows staged outside the change tracker (ServiceDbContext.StageOutsideTracker) go from their objects when
                // nothing is tracked; next to tracked changes they join the tracker, and the write goes as before.
                var untracked = added == 0 && others == 0 && db.StagedRows.Count is > 0 and < OneTripRows;
                if (!untracked)
                {
                    added += db.StagedRows.Count;
                    db.TrackStaged();
                }
                if (untracked || (others == 0 && added is > 0 and < OneTripRows))
                {
                    await db.Database.CreateExecutionStrategy().ExecuteAsync(
                        last,
                        async (_, statement, attempt) =>
                        {
                            await SaveOnceInOneTripAsync(db, statement, untracked, attempt);
                            return true;
                        },
                        async (_, _, attempt) => new ExecutionResult<bool>(await committed(attempt), true),
                        ct);
                    if (untracked)
                    {
                        // Written: not tracked, and not staged any more.
                        db.StagedRows.Clear();
                    }
                    else
                    {
                        tracker.AcceptAllChanges();
                    }
                    return;
                }
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detects;
            }
        }
        var combined = last.Count == 0 ? null : SqlStatement.Combine(last);
        await db.SaveInTransactionAsync(
            attempt => combined is null ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(combined.Sql, combined.Arguments, attempt), committed, ct);
    }

    /// <summary>
    /// How many tracked entities are staged as new, and how many are not (read without detecting changes); with
    /// <paramref name="unchangedToo"/> false, unchanged entities are not counted among the others. Only inserts, and not
    /// too many, go in one round trip.
    /// </summary>
    private static (int Added, int Others) Staged(ServiceDbContext db, bool unchangedToo = true)
    {
        var (added, others) = (0, 0);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                added++;
            }
            else if (unchangedToo || entry.State != EntityState.Unchanged)
            {
                others++;
            }
        }
        return (added, others);
    }

    private static async Task SaveOnceInOneTripAsync(ServiceDbContext db, IReadOnlyList<SqlStatement> last, bool untracked, CancellationToken ct)
    {
        AuditedWriteInterceptor.Stage(db);
        var inserts = new List<OneTripBatch.Row>();
        if (untracked)
        {
            foreach (var row in db.StagedRows)
            {
                inserts.Add(OneTripBatch.Row.Of(db, row));
            }
        }
        else
        {
            // The call's audit record, staged just now, joins the tracked rows.
            db.TrackStaged();
            foreach (var entry in db.ChangeTracker.Entries())
            {
                if (entry.State == EntityState.Added)
                {
                    inserts.Add(OneTripBatch.Row.Of(entry));
                }
            }
        }
        try
        {
            await OneTripBatch.SendAsync(db, inserts, last, ct);
        }
        catch (Exception ex)
        {
            AuditedWrite.Current?.SaveFailed(db);
            // As SaveChanges reports a failed write; the execution strategy looks inside it for a transient cause.
            if (ex is DbException)
            {
                throw new DbUpdateException("A write of one round trip failed; nothing of it was written.", ex);
            }
            throw;
        }
        AuditedWrite.Current?.Saved(db, transaction: null);
    }

    /// <summary>
    /// Runs <paramref name="unit"/> (which reads what it needs and saves) in one transaction, from a clean change
    /// tracker on every attempt: a retry starts again from what the database holds.
    /// </summary>
    public static Task InTransactionAsync(
        this DbContext db, Func<CancellationToken, Task> unit, Func<CancellationToken, Task<bool>> committed, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteInTransactionAsync(async attempt =>
        {
            db.ChangeTracker.Clear();
            await unit(attempt);
        }, committed, ct);

    /// <summary>Reads in one transaction (one snapshot); a transient failure reads again.</summary>
    public static Task<T> ReadInTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> read, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(attempt);
            var result = await read(attempt);
            await tx.CommitAsync(attempt);
            return result;
        }, ct);
}
