using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Teams;

/// <summary>
/// When a client moves to another area team, a division hands all of the client's work to that team: open dossiers
/// move (unassigned to an employee until the team picks them up, with <see cref="DossierRerouted"/>), closed dossiers
/// and every other row of the client (<see cref="ClientWork"/>) name the new team, so the old team no longer reads them.
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
            var dossiers = await db.Dossiers
                .Where(d => d.ClientId == moved.ClientId && d.OwnerTeam != moved.NewAreaTeam)
                .ToListAsync(context.CancellationToken);
            var now = clock.GetUtcNow();
            foreach (var dossier in dossiers)
            {
                var oldTeam = dossier.OwnerTeam;
                dossier.OwnerTeam = moved.NewAreaTeam;
                dossier.Version++;
                if (dossier.Status != DossierStatuses.Closed)
                {
                    dossier.OwnerEmployee = "";
                    db.Publish(new DossierRerouted(dossier.DossierId, dossier.ClientId, dossier.Division, oldTeam, moved.NewAreaTeam, now), now);
                }
            }
            await ClientWork.FollowAsync(db, moved.ClientId, moved.NewAreaTeam, context.CancellationToken);
        });
}
