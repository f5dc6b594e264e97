using System.Threading.Channels;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;

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

    private readonly Func<PersonalDataAccessedBatch, CancellationToken, Task> _publish;
    private readonly TimeSpan _publishTimeout;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _inFlight;
    private readonly int _maxInFlight;
    private readonly Task _pump;

    /// <param name="publish">Publishes one batch and completes when the broker (or the store) has accepted it.</param>
    /// <param name="publishTimeout">How long a batch may wait for the broker (default 10 s) before its callers fail.</param>
    /// <param name="maxInFlight">How many batches may await their confirms at a time; fewer make larger batches.</param>
    public AuditLog(Func<PersonalDataAccessedBatch, CancellationToken, Task> publish, TimeSpan? publishTimeout = null, int maxInFlight = MaxBatchesInFlight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight, 1);
        _publish = publish;
        _publishTimeout = publishTimeout ?? DefaultPublishTimeout;
        _maxInFlight = maxInFlight;
        _inFlight = new SemaphoreSlim(maxInFlight);
        _pump = Task.Run(PumpAsync);
    }

    /// <summary>The audit log of a service: batches go on the bus, not through a scoped publish endpoint, because they outlive the requests whose records they carry.</summary>
    public static AuditLog OnTheBus(IServiceProvider services) =>
        new((batch, ct) => services.GetRequiredService<IBus>().Publish(batch, ct));

    public Task RecordAsync(PersonalDataAccessed record, CancellationToken ct)
    {
        var pending = new Pending(record, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The audit log is shutting down");
        }
        return pending.Recorded.Task.WaitAsync(ct);
    }

    private async Task PumpAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            await _inFlight.WaitAsync();
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            if (batch.Count == 0)
            {
                _inFlight.Release();
                continue;
            }
            _ = PublishAsync(batch);
        }
    }

    private async Task PublishAsync(List<Pending> batch)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_publishTimeout);
            try
            {
                await _publish(new PersonalDataAccessedBatch(batch.ConvertAll(p => p.Record)), timeout.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                // A broker that does not confirm in time is a failure to record, not a cancelled call: the callers get
                // UNAVAILABLE, as for a refused publish.
                throw new TimeoutException($"the audit batch was not confirmed within {_publishTimeout.TotalSeconds} s");
            }
            batch.ForEach(p => p.Recorded.TrySetResult());
        }
        catch (Exception ex)
        {
            batch.ForEach(p => p.Recorded.TrySetException(ex));
        }
        finally
        {
            _inFlight.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _pump;
        for (var i = 0; i < _maxInFlight; i++)
        {
            await _inFlight.WaitAsync();
        }
        _inFlight.Dispose();
    }

    private sealed record Pending(PersonalDataAccessed Record, TaskCompletionSource Recorded);
}
