using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>How many rows of one service's outbox wait to be published: the source of the metric uwv.outbox.backlog.</summary>
public interface IOutboxBacklog
{
    /// <summary>The service whose outbox this is (the database's name), the metric's <c>service</c> tag.</summary>
    string Service { get; }

    /// <summary>
    /// The last counted backlog, or null when it was never counted or the last count failed. Never waits for the
    /// database: a stale count starts a new one in the background, at most one at a time and at most once per
    /// <see cref="OutboxOptions.BacklogCountInterval"/>, however often the metric is collected.
    /// </summary>
    long? Current();
}

internal sealed class OutboxBacklog<TContext>(
    string service,
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxBacklog<TContext>> logger) : IOutboxBacklog
    where TContext : ServiceDbContext
{
    private readonly Lock _gate = new();
    private long? _count;
    private long? _countedAt;
    private Task? _counting;

    public string Service => service;

    /// <summary>The count under way, or a completed task: lets a test wait for the count that <see cref="Current"/> started.</summary>
    internal Task Counting
    {
        get
        {
            lock (_gate)
            {
                return _counting ?? Task.CompletedTask;
            }
        }
    }

    public long? Current()
    {
        lock (_gate)
        {
            var stale = _countedAt is not { } at || clock.GetElapsedTime(at) >= options.Value.BacklogCountInterval;
            if (stale && _counting is null)
            {
                _counting = Task.Run(CountAsync);
            }
            return _count;
        }
    }

    private async Task CountAsync()
    {
        long? count = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            count = await db.OutboxMessages.LongCountAsync(m => m.SentAt == null);
        }
        catch (Exception ex)
        {
            // The database is down or the service stops: report no value rather than a stale one. /healthz says why.
            logger.LogDebug("Counting the outbox backlog of {Service} failed with {ExceptionType}", service, ex.GetType().Name);
        }
        lock (_gate)
        {
            _count = count;
            _countedAt = clock.GetTimestamp();
            _counting = null;
        }
    }
}
