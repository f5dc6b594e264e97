using System.Diagnostics;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Persistence;
using Uwv.ServiceDefaults.Telemetry;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>
/// Publishes committed outbox rows through MassTransit (publisher confirms on RabbitMQ), a batch at a time in commit
/// order with the whole batch in flight, and stamps them sent. At-least-once: a crash after publish and before the stamp publishes again,
/// with the same MessageId, which the consumers' inboxes absorb.
/// </summary>
public sealed class OutboxRelay<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RelayEnabled)
        {
            logger.LogWarning("Outbox relay for {Context} is disabled by configuration", typeof(TContext).Name);
            return;
        }
        if (options.Value.ReplayOnStart)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            var replayed = await db.OutboxMessages.Where(m => m.SentAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null), stoppingToken);
            logger.LogInformation("Replaying {Count} stored events of {Context}", replayed, typeof(TContext).Name);
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, full) = await PublishBatchAsync(stoppingToken);
                failures = 0;
                if (full)
                {
                    continue;
                }
                if (published == 0)
                {
                    await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var delay = TimeSpan.FromMilliseconds(Math.Min(10_000, 200 * Math.Pow(2, Math.Min(failures, 6))));
                logger.LogWarning("Outbox relay for {Context} failed with {ExceptionType}; retrying in {Delay}",
                    typeof(TContext).Name, ex.GetType().Name, delay);
                await Task.Delay(delay, clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Publishes one batch, all rows in flight at once (each publish still waits for its broker confirm), and stamps the
    /// confirmed rows sent; a row that failed keeps SentAt empty with its attempt counted, and the first failure is
    /// rethrown so the loop backs off. Returns how many were published and whether the batch was full.
    /// </summary>
    public async Task<(int Published, bool Full)> PublishBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var batch = await OutboxQueries.NextBatchAsync(db, options.Value.BatchSize, ct);
        // Publishes are issued in commit order; with several in flight the broker may confirm them out of order, which
        // consumers tolerate (idempotent, order-tolerant projections) as they tolerate redelivery. The writes' audit
        // records travel together (decision 0038): a row's outcome is that of the message that carries it.
        var (sends, sendOfRow) = OutboxSends.Plan(batch);
        var sent = sends.ConvertAll(send => PublishAsync(send, ct));
        var publishes = Array.ConvertAll(sendOfRow, i => sent[i]);
        try
        {
            await Task.WhenAll(sent);
        }
        catch (Exception)
        {
            // Not swallowed: each row's outcome is read below, and the first failure is rethrown after the stamps are saved.
        }
        var now = clock.GetUtcNow();
        var attemptsBefore = batch.ConvertAll(m => m.Attempts);
        var (published, first) = OutboxBatch.Stamp(batch, publishes, now);
        // The sent rows in one statement (one per row would cost the database a statement per event); a failed row,
        // rare, gets its attempt counted with a statement of its own.
        var stamped = batch.Where(m => m.SentAt == now).Select(m => m.Id).ToList();
        if (stamped.Count > 0)
        {
            await db.OutboxMessages.Where(m => stamped.Contains(m.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), CancellationToken.None);
        }
        foreach (var failed in batch.Where((m, i) => m.Attempts != attemptsBefore[i]))
        {
            await db.OutboxMessages.Where(m => m.Id == failed.Id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, failed.Attempts)
                .SetProperty(m => m.LastError, failed.LastError), CancellationToken.None);
        }
        UwvTelemetry.OutboxPublished.Add(published);
        if (first is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
        }
        return (published, batch.Count == options.Value.BatchSize);
    }

    private async Task PublishAsync(OutboxSend send, CancellationToken ct)
    {
        var row = send.First;
        ActivityContext.TryParse(row.TraceParent, null, out var parent);
        using var activity = UwvTelemetry.Source.StartActivity($"outbox publish {row.MessageType}", ActivityKind.Producer, parent);
        var message = send.Message();
        // Once, plus the extra copies the fault tests ask for (always 0 in Production).
        for (var copy = 0; copy <= options.Value.DuplicateDeliveries; copy++)
        {
            await bus.Publish(message, message.GetType(), ctx =>
            {
                ctx.MessageId = send.MessageId;
                ctx.Headers.Set(UwvTelemetry.CreatedAtHeader, row.CreatedAt.ToUnixTimeMilliseconds());
            }, ct);
        }
    }
}
