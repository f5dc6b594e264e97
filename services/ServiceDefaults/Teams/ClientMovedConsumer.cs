using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Teams;

/// <summary>
/// When a client moves to another area team, a division moves the client's open dossiers to that team: the team of
/// the new postcode owns them from then on, unassigned to an employee until the team picks them up.
/// </summary>
public sealed class ClientMovedConsumer<TContext>(TContext db, TimeProvider clock) : IConsumer<ClientMoved>
    where TContext : DivisionDbContext
{
    public Task Consume(ConsumeContext<ClientMoved> context) =>
        db.HandleOnceAsync(context, $"{nameof(ClientMovedConsumer<TContext>)}:{typeof(TContext).Name}", clock, async () =>
        {
            var moved = context.Message;
            if (moved.OldAreaTeam == moved.NewAreaTeam)
            {
                return;
            }
            var open = await db.Dossiers
                .Where(d => d.ClientId == moved.ClientId && d.Status != "closed" && d.OwnerTeam != moved.NewAreaTeam)
                .ToListAsync(context.CancellationToken);
            var now = clock.GetUtcNow();
            foreach (var dossier in open)
            {
                var oldTeam = dossier.OwnerTeam;
                dossier.OwnerTeam = moved.NewAreaTeam;
                dossier.OwnerEmployee = "";
                dossier.Version++;
                db.Publish(new DossierRerouted(dossier.DossierId, dossier.ClientId, dossier.Division, oldTeam, moved.NewAreaTeam, now), now);
            }
        });
}
