using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Consumers;

/// <summary>
/// Learns the dossiers the divisions open: each starts a lineage its division owns (and counts for flow load). A dossier
/// the handover service already learned by asking its division (a handover requested before this event arrived) is left as it is.
/// </summary>
public sealed class DossierOwnershipConsumer(HandoverDbContext db, DossierRegister register, KpiStore kpis, TimeProvider clock) : IConsumer<DossierOpened>
{
    public async Task Consume(ConsumeContext<DossierOpened> context)
    {
        var ct = context.CancellationToken;
        await kpis.ShardAsync(ct); // before the transaction: see KpiStore.ShardAsync
        await db.InTransactionAsync(
            _ => db.HandleOnceAsync(context, nameof(DossierOwnershipConsumer), clock, () => register.AddIfUnknownAsync(context.Message, ct)),
            attempt => db.HasHandledAsync(context, nameof(DossierOwnershipConsumer), attempt),
            ct);
    }
}
