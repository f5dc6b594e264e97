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

    /// <summary>
    /// Only WIA claimbeoordelingen matter here. Any other beoordeling changes nothing, so it needs no inbox row either:
    /// it is acknowledged without touching the database (most of SMZ's events, at no cost to Uitkeren's database).
    /// </summary>
    public Task Consume(ConsumeContext<BeoordelingRecorded> context) =>
        context.Message.Type != WiaClaimbeoordeling ? Task.CompletedTask : db.HandleOnceAsync(context, nameof(WiaClaimDecisionConsumer), clock, async () =>
        {
            var e = context.Message;
            if (await db.WiaClaimDecisions.AnyAsync(w => w.BeoordelingId == e.BeoordelingId, context.CancellationToken))
            {
                return;
            }
            db.WiaClaimDecisions.Add(new WiaClaimDecisionRecord { BeoordelingId = e.BeoordelingId, ClientId = e.ClientId, DecisionDate = e.DecisionDate });
        });
}
