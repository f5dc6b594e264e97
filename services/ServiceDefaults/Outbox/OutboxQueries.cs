using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>The relay's query, named so that its plan on PostgreSQL can be checked (decision 0036).</summary>
public static class OutboxQueries
{
    /// <summary>
    /// The next rows to publish: unsent, in commit order. Served by the index of unsent rows
    /// (<c>IX_outbox_messages_unsent</c>), whose predicate and order it matches.
    /// </summary>
    public static IQueryable<OutboxMessage> NextBatch(ServiceDbContext db, int size) =>
        db.OutboxMessages.Where(m => m.SentAt == null).OrderBy(m => m.Id).Take(size);
}
