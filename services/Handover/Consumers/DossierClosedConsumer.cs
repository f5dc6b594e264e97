using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Outbox;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Consumers;

/// <summary>
/// A division closed a dossier outside a handover: the ledger ends the lineage and the flow load drops, so the
/// dashboard's open dossiers and owner figures are true. Other status changes are not the ledger's business.
/// </summary>
public sealed class DossierClosedConsumer(HandoverDbContext db, KpiStore store, TimeProvider clock) : IConsumer<DossierStatusChanged>
{
    public async Task Consume(ConsumeContext<DossierStatusChanged> context)
    {
        var e = context.Message;
        if (e.ToStatus != "closed")
        {
            return;
        }
        var ct = context.CancellationToken;
        await store.ShardAsync(ct); // before the transaction: see KpiStore.ShardAsync
        await db.InTransactionAsync(_ => db.HandleOnceAsync(context, nameof(DossierClosedConsumer), clock, async () =>
        {
            var tracked = await db.Dossiers.Where(d => d.DossierId == e.DossierId).ToListAsync(ct);
            var (after, closedOpen) = OwnershipLedger.Close(tracked.Select(HandoverMapping.ToRow).ToList(), e.DossierId, e.ClientId, e.Division, e.OccurredAt);
            var row = after.Single(r => r.DossierId == e.DossierId);
            if (tracked.SingleOrDefault() is { } entity)
            {
                (entity.Active, entity.Since) = (row.Active, row.Since.ToUniversalTime());
            }
            else
            {
                db.Dossiers.Add(new DossierOwnership
                {
                    DossierId = row.DossierId, LineageId = row.LineageId, ClientId = row.ClientId, Division = row.Division,
                    Team = row.Team, Active = row.Active, Since = row.Since.ToUniversalTime(),
                });
            }
            if (closedOpen)
            {
                await store.IncrementAsync([], [new GaugeDelta(tracked.Single().Team, e.Division, KpiMetrics.OpenDossiers, -1)], ct);
            }
        }), attempt => db.HasHandledAsync(context, nameof(DossierClosedConsumer), attempt), ct);
    }
}
