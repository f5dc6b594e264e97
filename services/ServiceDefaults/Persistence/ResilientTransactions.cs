using Microsoft.EntityFrameworkCore;

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
