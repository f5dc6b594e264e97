using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Outbox;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;
using Uwv.Smz.Grpc;

namespace Uwv.Smz.Consumers;

/// <summary>
/// SMZ learns from the handover service's <see cref="HandoverAccepted"/> that Werkbedrijf accepted a client: Werkbedrijf
/// owns the re-integratie, so the WGA safeguard lets SMZ close the dossier. Kept in SMZ's own table (inbox: once per message).
/// </summary>
public sealed class ReintegratieOwnerConsumer(SmzDbContext db, TimeProvider clock) : IConsumer<HandoverAccepted>
{
    public Task Consume(ConsumeContext<HandoverAccepted> context) =>
        db.HandleOnceAsync(context, nameof(ReintegratieOwnerConsumer), clock, async () =>
        {
            var e = context.Message;
            if (e.Handover.ToDivision != DivisionCode.Werkbedrijf)
            {
                return;
            }
            var row = await db.ReintegratieOwners.FirstOrDefaultAsync(r => r.ClientId == e.ClientId, context.CancellationToken);
            if (row?.Owner == ReintegratieOwnership.Werkbedrijf)
            {
                return;
            }
            if (row is null)
            {
                row = new ReintegratieOwnerRecord { ClientId = e.ClientId, AreaTeam = e.Handover.AreaTeam };
                db.ReintegratieOwners.Add(row);
            }
            var after = ReintegratieOwnership.AfterWerkbedrijfAccepted(SmzGrpcService.State(row));
            (row.Wga, row.Owner, row.HandoverId, row.Reason) = (after.Wga, after.Owner, e.Handover.HandoverId, null);
            (row.DecidedBy, row.DecidedAt) = (e.AcceptedBy, e.OccurredAt);
            var now = clock.GetUtcNow();
            SmzGrpcService.PublishReintegratieOwner(db, row, now);
        });
}
