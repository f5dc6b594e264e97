using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.ServiceDefaults.Outbox;

/// <summary>
/// On a klantbeeld rebuild, marks every stored event of this service unsent, so the relay publishes them all again in
/// their original order. Running it twice only publishes twice, which every consumer absorbs.
/// </summary>
public sealed class ReplayConsumer<TContext>(TContext db, OutboxSignal<TContext> signal, ILogger<ReplayConsumer<TContext>> logger)
    : IConsumer<KlantbeeldRebuildRequested>
    where TContext : ServiceDbContext
{
    public async Task Consume(ConsumeContext<KlantbeeldRebuildRequested> context)
    {
        var count = await db.OutboxMessages
            .Where(m => m.SentAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, (DateTimeOffset?)null), context.CancellationToken);
        logger.LogInformation("Rebuild {RebuildId}: replaying {Count} events of {Context}", context.Message.RebuildId, count, typeof(TContext).Name);
        signal.Notify();
    }
}
