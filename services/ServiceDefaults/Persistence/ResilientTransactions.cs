using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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
    /// The most rows a save sends in one round trip: EF Core sends up to a thousand in one batch on PostgreSQL, and a
    /// save of more is split into several (each then its own implicit transaction). One row is kept for the audit
    /// record that a write call's first save adds.
    /// </summary>
    public const int OneTripRows = 500;

    /// <summary>
    /// Saves the changes staged in the change tracker and then <paramref name="last"/> (statements that must come after
    /// them, such as increments of shared counters) as one unit. On PostgreSQL, when every staged change is an insert,
    /// the batch and the statement go to the server as one command without BEGIN: PostgreSQL runs a batch that ends in one
    /// Sync as one implicit transaction, so all of it commits or none, in one round trip instead of three (the batch with
    /// BEGIN, the statement, COMMIT). A save with an update or a delete keeps its explicit transaction
    /// (<see cref="SaveInTransactionAsync"/>): EF Core learns that a concurrency check failed from the rows affected,
    /// after the batch, when an implicit transaction would already have committed. On SQLite the unit runs once, in a
    /// transaction. A transient failure repeats the unit; when its outcome is unknown, <paramref name="committed"/> asks
    /// the database whether it happened (decision 0040).
    /// </summary>
    public static async Task SaveWithLastStatementAsync(
        this ServiceDbContext db, SqlStatement? last, Func<CancellationToken, Task<bool>> committed, CancellationToken ct)
    {
        if (!CanSaveInOneTrip(db))
        {
            await db.SaveInTransactionAsync(
                attempt => last is null ? Task.CompletedTask : db.Database.ExecuteSqlRawAsync(last.Sql, last.Arguments, attempt), committed, ct);
            return;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            last,
            async (_, statement, attempt) =>
            {
                await SaveOnceInOneTripAsync(db, statement, attempt);
                return true;
            },
            async (_, _, attempt) => new ExecutionResult<bool>(await committed(attempt), true),
            ct);
        db.ChangeTracker.AcceptAllChanges();
    }

    /// <summary>
    /// Whether the staged changes can go in one round trip: PostgreSQL (with <see cref="OneTripWriteInterceptor"/>), no
    /// transaction open, and only inserts, few enough for one batch.
    /// </summary>
    internal static bool CanSaveInOneTrip(ServiceDbContext db)
    {
        if (!db.Database.IsNpgsql() || db.Database.CurrentTransaction is not null
            || db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(OneTripWriteInterceptor.Instance) != true)
        {
            return false;
        }
        var inserts = 0;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                inserts++;
            }
            else if (entry.State != EntityState.Unchanged)
            {
                return false;
            }
        }
        var batch = db.GetService<IDbContextOptions>().Extensions.OfType<RelationalOptionsExtension>().FirstOrDefault()?.MaxBatchSize ?? OneTripRows;
        return inserts > 0 && inserts < Math.Min(batch, OneTripRows);
    }

    private static async Task SaveOnceInOneTripAsync(ServiceDbContext db, SqlStatement? last, CancellationToken ct)
    {
        var transactions = db.Database.AutoTransactionBehavior;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.PendingLastStatement = last;
        db.LastStatementSent = false;
        try
        {
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
            if (last is not null && !db.LastStatementSent)
            {
                throw new InvalidOperationException("The last statement of a write of one round trip did not go out with its batch.");
            }
        }
        finally
        {
            db.PendingLastStatement = null;
            db.LastStatementSent = false;
            db.Database.AutoTransactionBehavior = transactions;
        }
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
