using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// The audit record of one call to a write method (<see cref="PersonalDataAttribute.Writes"/>), on its way into the
/// service's outbox: the first SaveChanges of the call that changes something adds the record as an outbox row, so the
/// change and its record commit together (<see cref="AuditedWriteInterceptor"/>). <see cref="Committed"/> says whether
/// that happened; if not (the call saved nothing, e.g. an idempotent replay, or its transaction was not seen to
/// commit), the record goes the fail-closed way over the bus instead, with the same <see cref="AuditId"/>, which the
/// audit store keeps once.
/// </summary>
public sealed class AuditedWrite
{
    private static readonly AsyncLocal<AuditedWrite?> Ambient = new();
    private readonly Func<Guid, PersonalDataAccessed> _record;
    private object? _saving;
    private object? _transaction;

    private AuditedWrite(Func<Guid, PersonalDataAccessed> record) => _record = record;

    /// <summary>The write call running in this async flow, if any.</summary>
    public static AuditedWrite? Current => Ambient.Value;

    /// <summary>The id of the record, the same on the outbox and on the bus path.</summary>
    public Guid AuditId { get; } = MassTransit.NewId.NextGuid();

    public AuditedWriteState State { get; private set; }

    /// <summary>The record is in a committed transaction together with the change.</summary>
    public bool Committed => State == AuditedWriteState.Committed;

    /// <summary>The outbox row that carries the record, once a save of the call has staged it.</summary>
    internal OutboxMessage? Row { get; private set; }

    /// <summary>
    /// Starts a write call in the current async flow. <paramref name="record"/> builds the record when the change is
    /// saved, from what the call knows by then (the client it touched must be known before it saves).
    /// </summary>
    public static AuditedWrite Begin(Func<Guid, PersonalDataAccessed> record)
    {
        var write = new AuditedWrite(record);
        Ambient.Value = write;
        return write;
    }

    /// <summary>Ends the write call in the current async flow: later saves in it are no longer part of it.</summary>
    public static void End() => Ambient.Value = null;

    public PersonalDataAccessed Record() => _record(AuditId);

    /// <summary>The row is part of the save that <paramref name="context"/> is running now.</summary>
    internal void Saving(object context, OutboxMessage row)
    {
        Row = row;
        _saving = context;
    }

    /// <summary>
    /// A save of <paramref name="context"/> succeeded; if it carried the row, the record is committed, or (inside an
    /// explicit transaction) waits for that transaction.
    /// </summary>
    internal void Saved(object context, object? transaction)
    {
        if (!ReferenceEquals(context, _saving))
        {
            return;
        }
        _saving = null;
        _transaction = transaction;
        State = transaction is null ? AuditedWriteState.Committed : AuditedWriteState.AwaitingCommit;
    }

    /// <summary>A save failed: nothing of it was written; the row stays staged in the context for a retried save.</summary>
    internal void SaveFailed(object? context)
    {
        if (ReferenceEquals(context, _saving))
        {
            _saving = null;
        }
    }

    internal void TransactionEnded(object transaction, bool committed)
    {
        if (State != AuditedWriteState.AwaitingCommit || !ReferenceEquals(transaction, _transaction))
        {
            return;
        }
        State = committed ? AuditedWriteState.Committed : AuditedWriteState.Pending;
        if (!committed)
        {
            // Rolled back with the change: a later save of the call stages the record again.
            Row = null;
        }
        _transaction = null;
    }
}

public enum AuditedWriteState
{
    /// <summary>No change saved yet: the record is in no outbox.</summary>
    Pending,
    /// <summary>Saved inside an explicit transaction that has not committed yet.</summary>
    AwaitingCommit,
    /// <summary>Committed in the outbox together with the change.</summary>
    Committed,
}
