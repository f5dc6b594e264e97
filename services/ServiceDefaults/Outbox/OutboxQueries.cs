using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>The relay's query, named so that its plan on PostgreSQL can be checked (decision 0036).</summary>
public static class OutboxQueries
{
    /// <summary>
    /// The next rows to publish: unsent, in commit order, untracked (the relay stamps them with one statement). Served
    /// by the index of unsent rows (<c>IX_outbox_messages_unsent</c>), whose predicate and order it matches. Compiled
    /// once per context type: the relay runs it several times a second under load, and an uncompiled query builds,
    /// walks and hashes its expression tree on every run.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL the read runs in a transaction of its own with bitmap and sequential scans switched off for it
    /// (decision 0036). Only an ordered scan of the index marks the entries of rows sent meanwhile dead; a bitmap scan,
    /// which the planner chose on a busy outbox, walks all of them again on every pass until a vacuum, and a sequential
    /// scan reads every row ever kept.
    /// </remarks>
    public static async Task<List<OutboxMessage>> NextBatchAsync<TContext>(TContext db, int size, CancellationToken ct)
        where TContext : ServiceDbContext
    {
        if (!db.OnNpgsql)
        {
            return await ReadAsync(db, size, ct);
        }
        return await db.ReadInTransactionAsync(async attempt =>
        {
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off", attempt);
            return await ReadAsync(db, size, attempt);
        }, ct);
    }

    private static async Task<List<OutboxMessage>> ReadAsync<TContext>(TContext db, int size, CancellationToken ct)
        where TContext : ServiceDbContext
    {
        var rows = new List<OutboxMessage>(size);
        await foreach (var row in Compiled<TContext>.NextBatch(db, size).WithCancellation(ct))
        {
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>Per context type, because a compiled query keeps the executor of one model (six share the embedded host).</summary>
    private static class Compiled<TContext> where TContext : ServiceDbContext
    {
        public static readonly Func<TContext, int, IAsyncEnumerable<OutboxMessage>> NextBatch = EF.CompileAsyncQuery(
            (TContext db, int size) => db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(size));
    }
}
