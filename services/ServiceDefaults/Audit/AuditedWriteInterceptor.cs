using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Puts the audit record of a write call (<see cref="AuditedWrite.Current"/>) into the outbox of the first SaveChanges
/// of that call that changes something, so the record commits in the same transaction as the change: a write never
/// exists without its record, and a broker outage only delays the record (the relay publishes it later). A save that
/// fails keeps nothing, so the record is staged again by the call's next save, if any. Stateless: one instance serves
/// every pooled context; the state of a call lives in its <see cref="AuditedWrite"/>.
/// </summary>
public sealed class AuditedWriteInterceptor : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public static readonly AuditedWriteInterceptor Instance = new();

    private AuditedWriteInterceptor()
    {
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stage(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stage(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => AuditedWrite.Current?.SaveFailed(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditedWrite.Current?.SaveFailed(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        AuditedWrite.Current?.TransactionEnded(transaction, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditedWrite.Current?.TransactionEnded(transaction, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        AuditedWrite.Current?.TransactionEnded(transaction, committed: false);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        AuditedWrite.Current?.TransactionEnded(transaction, committed: false);
        return Task.CompletedTask;
    }

    /// <summary>Stages the call's record in <paramref name="context"/>; also called by a write that bypasses SaveChanges (<see cref="ResilientTransactions.SaveWithLastStatementAsync"/>).</summary>
    internal static void Stage(DbContext? context)
    {
        if (AuditedWrite.Current is not { State: AuditedWriteState.Pending } write || context is not ServiceDbContext db)
        {
            return;
        }
        if (write.Row is { } row
            && (db.IsStaged(row) || db.ChangeTracker.Entries<OutboxMessage>().Any(e => ReferenceEquals(e.Entity, row) && e.State == EntityState.Added)))
        {
            // The same save again after a failure (e.g. a retried conflict): the staged row is still in it.
            write.Saving(db, row);
            return;
        }
        if (db.StagedRows.Count == 0 && !db.ChangeTracker.HasChanges())
        {
            // Nothing is written, so there is nothing for the record to commit with.
            return;
        }
        var record = write.Record();
        write.Saving(db, db.Publish(new PersonalDataAccessedBatch([record]), record.At));
    }

    private static void Saved(DbContext? context)
    {
        if (AuditedWrite.Current is { } write && context is not null)
        {
            write.Saved(context, context.Database.CurrentTransaction?.GetDbTransaction());
        }
    }
}
