using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>
/// Deletes sent outbox rows once they are older than <see cref="OutboxOptions.RetainSentFor"/>, every few minutes and
/// at most <see cref="BatchSize"/> rows (a window of that many ids) per statement, so no pass holds a long lock. An
/// unsent row is never deleted. Off unless configured, and always off while <see cref="OutboxOptions.ReplayOnStart"/>
/// is on (see <see cref="Window"/>).
/// </summary>
public sealed class OutboxRetention<TContext>(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxRetention<TContext>> logger) : BackgroundService
    where TContext : ServiceDbContext
{
    public const int BatchSize = 1_000;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long sent rows are kept, or null when retention is off: when RetainSentFor is unset or not positive, and
    /// when ReplayOnStart is on, because then the read model is rebuilt at every start by publishing every stored event
    /// again, and a deleted event would be missing from it after the next restart.
    /// </summary>
    public static TimeSpan? Window(OutboxOptions options) =>
        options is { ReplayOnStart: false, RetainSentFor: { } keep } && keep > TimeSpan.Zero ? keep : null;

    /// <summary>One pass: deletes every sent row older than the window, batch by batch; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        if (Window(options.Value) is not { } keep)
        {
            return 0;
        }
        var cutoff = clock.GetUtcNow() - keep;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        // Rows are numbered as they are written and sent after that, so every row sent before the cutoff lies before the
        // first row written since. The pass walks the key up to that row in windows of BatchSize ids, skipping empty
        // stretches: every statement reads a range of the key, none the whole table, and no index on SentAt is needed
        // that every insert and every stamp would pay for (decision 0039). A row written a moment out of order waits for
        // the next pass.
        var bound = await db.OutboxMessages.Where(m => m.CreatedAt >= cutoff).MinAsync(m => (long?)m.Id, ct) ?? long.MaxValue;
        var total = 0;
        var from = long.MinValue;
        while (await db.OutboxMessages.Where(m => m.Id >= from && m.Id < bound).MinAsync(m => (long?)m.Id, ct) is { } first)
        {
            var to = Math.Min(first + BatchSize, bound);
            total += await db.OutboxMessages
                .Where(m => m.Id >= first && m.Id < to && m.SentAt != null && m.SentAt < cutoff)
                .ExecuteDeleteAsync(ct);
            from = to;
        }
        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Window(options.Value) is null)
        {
            if (options.Value.ReplayOnStart && options.Value.RetainSentFor > TimeSpan.Zero)
            {
                logger.LogWarning("Outbox retention for {Context} is off: ReplayOnStart needs every stored event", typeof(TContext).Name);
            }
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var deleted = await DeleteExpiredAsync(stoppingToken);
                if (deleted > 0)
                {
                    logger.LogInformation("Outbox retention deleted {Count} sent rows of {Context}", deleted, typeof(TContext).Name);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Outbox retention for {Context} failed ({ExceptionType}); retrying at the next interval",
                    typeof(TContext).Name, ex.GetType().Name);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
