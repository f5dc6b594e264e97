using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Uitkeren.Data;

namespace Uwv.Uitkeren.Consumers;

/// <summary>Learns from SMZ's events when a client's WIA claimbeoordeling is decided: the end of the voorschot's reason.</summary>
public sealed class WiaClaimDecisionConsumer(UitkerenDbContext db, TimeProvider clock) : IConsumer<BeoordelingRecorded>
{
    /// <summary>The type name SMZ publishes for a WIA claimbeoordeling.</summary>
    public const string WiaClaimbeoordeling = "WIA-claimbeoordeling";

    public Task Consume(ConsumeContext<BeoordelingRecorded> context) =>
        db.HandleOnceAsync(context, nameof(WiaClaimDecisionConsumer), clock, async () =>
        {
            var e = context.Message;
            if (e.Type != WiaClaimbeoordeling || await db.WiaClaimDecisions.AnyAsync(w => w.BeoordelingId == e.BeoordelingId, context.CancellationToken))
            {
                return;
            }
            db.WiaClaimDecisions.Add(new WiaClaimDecisionRecord { BeoordelingId = e.BeoordelingId, ClientId = e.ClientId, DecisionDate = e.DecisionDate });
        });
}
