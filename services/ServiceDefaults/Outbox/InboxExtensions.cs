using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Outbox;

public static class InboxExtensions
{
    /// <summary>
    /// Runs <paramref name="handle"/> once per message id and consumer: the inbox row and the handler's changes
    /// (including any outbox rows) commit in one SaveChanges. A duplicate is skipped; a concurrent duplicate
    /// fails on the inbox key and is retried, and then skipped.
    /// </summary>
    public static async Task<bool> HandleOnceAsync<TContext>(
        this TContext db, ConsumeContext context, string consumer, TimeProvider clock, Func<Task> handle)
        where TContext : ServiceDbContext
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("Message without MessageId");
        var seen = await db.InboxMessages.AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, context.CancellationToken);
        if (seen)
        {
            return false;
        }
        await handle();
        db.InboxMessages.Add(new InboxMessage { MessageId = messageId, Consumer = consumer, ProcessedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(context.CancellationToken);
        return true;
    }

    /// <summary>Whether the inbox holds this message for this consumer: after a commit whose outcome is unknown, it tells whether it happened.</summary>
    public static Task<bool> HasHandledAsync<TContext>(this TContext db, ConsumeContext context, string consumer, CancellationToken ct)
        where TContext : ServiceDbContext
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException("Message without MessageId");
        return db.InboxMessages.AsNoTracking().AnyAsync(m => m.MessageId == messageId && m.Consumer == consumer, ct);
    }
}
