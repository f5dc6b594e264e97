using MassTransit;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.Handover.Consumers;

/// <summary>Learns which division owns each dossier, so a handover can check it starts at the owner.</summary>
public sealed class DossierOwnershipConsumer(HandoverDbContext db, TimeProvider clock) : IConsumer<DossierOpened>
{
    public Task Consume(ConsumeContext<DossierOpened> context) =>
        db.HandleOnceAsync(context, nameof(DossierOwnershipConsumer), clock, async () =>
        {
            var e = context.Message;
            var existing = await db.Dossiers.FindAsync([e.DossierId], context.CancellationToken);
            if (existing is null)
            {
                db.Dossiers.Add(new DossierOwnership { DossierId = e.DossierId, ClientId = e.ClientId, Division = e.Division, Team = e.OwnerTeam, Since = e.OccurredAt });
            }
        });
}
