using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Publishes audit records with group commit. A record is recorded when <see cref="RecordAsync"/> completes: its batch
/// was accepted by the broker (publisher confirms). Records that arrive while batches are being confirmed wait and go
/// together in the next one, so under load many reads share one message, one confirm and one insert, and at low load
/// a record goes alone at once. If a batch cannot be published, every caller in it fails (fail closed).
/// </summary>
public sealed class AuditLog : IAsyncDisposable
{
    public const int MaxBatch = 256;
    public const int MaxBatchesInFlight = 4;
    public static readonly TimeSpan DefaultPublishTimeout = TimeSpan.FromSeconds(10);

    private readonly CallGroups<PersonalDataAccessed, bool> _groups;

    /// <param name="publish">Publishes one batch and completes when the broker (or the store) has accepted it.</param>
    /// <param name="publishTimeout">How long a batch may wait for the broker (default 10 s) before its callers fail.</param>
    /// <param name="maxInFlight">How many batches may await their confirms at a time; fewer make larger batches.</param>
    public AuditLog(Func<PersonalDataAccessedBatch, CancellationToken, Task> publish, TimeSpan? publishTimeout = null, int maxInFlight = MaxBatchesInFlight) =>
        _groups = new(async (records, ct) =>
        {
            await publish(new PersonalDataAccessedBatch([.. records]), ct);
            return _ => true;
        }, MaxBatch, maxInFlight, publishTimeout ?? DefaultPublishTimeout, "the audit batch was not confirmed");

    /// <summary>The audit log of a service: batches go on the bus, not through a scoped publish endpoint, because they outlive the requests whose records they carry.</summary>
    public static AuditLog OnTheBus(IServiceProvider services) =>
        new((batch, ct) => services.GetRequiredService<IBus>().Publish(batch, ct));

    public Task RecordAsync(PersonalDataAccessed record, CancellationToken ct) => _groups.CallAsync(record, ct);

    public ValueTask DisposeAsync() => _groups.DisposeAsync();
}
