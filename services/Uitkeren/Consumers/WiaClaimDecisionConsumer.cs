using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Uitkeren.Data;

namespace Uwv.Uitkeren.Consumers;

/// <summary>Learns from SMZ when a client's WIA claimbeoordeling is decided: the end of the voorschot's reason.</summary>
public sealed class WiaClaimDecisionConsumer(UitkerenDbContext db, TimeProvider clock) : IConsumer<WiaClaimDecided>
{
    public Task Consume(ConsumeContext<WiaClaimDecided> context) =>
        db.HandleOnceAsync(context, nameof(WiaClaimDecisionConsumer), clock, async () =>
        {
            var e = context.Message;
            if (await db.WiaClaimDecisions.AnyAsync(w => w.BeoordelingId == e.BeoordelingId, context.CancellationToken))
            {
                return;
            }
            db.WiaClaimDecisions.Add(new WiaClaimDecisionRecord { BeoordelingId = e.BeoordelingId, ClientId = e.ClientId, DecisionDate = e.DecisionDate });
        });
}
