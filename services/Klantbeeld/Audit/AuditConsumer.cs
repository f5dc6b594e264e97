using MassTransit;
using Uwv.Contracts.Events;

namespace Uwv.Klantbeeld.Audit;

/// <summary>
/// Stores the audit records the other services publish (<see cref="AuditStore"/>: each once). The messages waiting on
/// the queue are taken together (up to <see cref="MessageLimit"/>, or what arrived within <see cref="TimeLimit"/>) and
/// stored with one insert and one commit: a record is durable once the broker has it, so the store may lag by
/// milliseconds, and one transaction per message cost more than the rows (decision 0033).
/// </summary>
public sealed class AuditConsumer(AuditStore store) : IConsumer<Batch<PersonalDataAccessedBatch>>
{
    public const int MessageLimit = 100;
    public const int ConcurrencyLimit = 2;
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(20);

    /// <summary>How the bus hands the messages over: in batches, two at a time.</summary>
    public static void Configure(BatchOptions options) => options
        .SetMessageLimit(MessageLimit)
        .SetConcurrencyLimit(ConcurrencyLimit)
        .SetTimeLimit(TimeLimit);

    public Task Consume(ConsumeContext<Batch<PersonalDataAccessedBatch>> context) =>
        store.StoreAsync([.. context.Message.SelectMany(m => m.Message.Records)], context.CancellationToken);
}
