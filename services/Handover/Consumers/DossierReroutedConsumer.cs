using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.Handover.Consumers;

/// <summary>After a client moved, a division re-routed the dossier to the new area team: the owner's team follows.</summary>
public sealed class DossierReroutedConsumer(HandoverDbContext db, TimeProvider clock) : IConsumer<DossierRerouted>
{
    public Task Consume(ConsumeContext<DossierRerouted> context) =>
        db.HandleOnceAsync(context, nameof(DossierReroutedConsumer), clock, async () =>
        {
            var e = context.Message;
            var ct = context.CancellationToken;
            var dossier = await db.Dossiers.FirstOrDefaultAsync(d => d.DossierId == e.DossierId, ct);
            if (dossier is null)
            {
                return;
            }
            foreach (var row in await db.Dossiers.Where(d => d.LineageId == dossier.LineageId).ToListAsync(ct))
            {
                row.Team = e.NewTeam;
            }
            var open = await db.Handovers
                .Where(h => h.LineageId == dossier.LineageId && h.State != HandoverStates.Accepted && h.State != HandoverStates.Cancelled)
                .ToListAsync(ct);
            foreach (var handover in open)
            {
                handover.Team = e.NewTeam;
                handover.Version++;
            }
        });
}
