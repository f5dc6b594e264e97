using Microsoft.EntityFrameworkCore;
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
    /// Saves the changes staged in the change tracker in SaveChanges' own transaction (on PostgreSQL one batch, its BEGIN
    /// sent with it, then the COMMIT). A transient failure saves the same changes again: they are accepted only after the
    /// commit. After a commit whose outcome is unknown <paramref name="committed"/> asks whether it happened.
    /// </summary>
    public static async Task SaveAtomicallyAsync(this DbContext db, Func<CancellationToken, Task<bool>> committed, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db,
            (context, attempt) => context.SaveChangesAsync(acceptAllChangesOnSuccess: false, attempt),
            async (_, attempt) => new ExecutionResult<int>(await committed(attempt), 0),
            ct);
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
