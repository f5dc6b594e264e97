using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Consumers;

/// <summary>Keeps the "WGA clients without a re-integratie owner" gauge from SMZ's <see cref="ReintegratieOwnerChanged"/>.</summary>
public sealed class ReintegratieKpiConsumer(HandoverDbContext db, KpiStore store, TimeProvider clock) : IConsumer<ReintegratieOwnerChanged>
{
    public async Task Consume(ConsumeContext<ReintegratieOwnerChanged> context)
    {
        var ct = context.CancellationToken;
        await store.ShardAsync(ct); // before the transaction: see KpiStore.ShardAsync
        await db.InTransactionAsync(_ => db.HandleOnceAsync(context, nameof(ReintegratieKpiConsumer), clock, async () =>
        {
            var e = context.Message;
            var row = await db.KpiWgaClients.FindAsync([e.ClientId], ct);
            var known = row is null ? null : new WgaClientKpi(row.ClientId, row.Team, row.NeedsOwner, row.Version);
            var (next, gauges) = ReintegratieKpi.Apply(known, e);
            if (next is null)
            {
                return;
            }
            if (row is null)
            {
                db.KpiWgaClients.Add(new KpiWgaClientRecord { ClientId = next.ClientId, Team = next.Team, NeedsOwner = next.NeedsOwner, Version = next.Version });
            }
            else
            {
                (row.Team, row.NeedsOwner, row.Version) = (next.Team, next.NeedsOwner, next.Version);
            }
            await store.IncrementAsync([], gauges, ct);
        }), attempt => db.HasHandledAsync(context, nameof(ReintegratieKpiConsumer), attempt), ct);
    }
}
