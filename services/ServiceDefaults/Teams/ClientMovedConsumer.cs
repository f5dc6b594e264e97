using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.ServiceDefaults.Teams;

/// <summary>
/// When a client moves to another area team, a division hands all of the client's work to that team: open dossiers
/// move (unassigned to an employee until the team picks them up, with <see cref="DossierRerouted"/>), closed dossiers
/// and every other row of the client (<see cref="ClientWork"/>) name the new team, so the old team no longer reads them;
/// open norm deadlines follow too, so their warnings and escalations go to the new team.
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
            // Open norm deadlines follow with a version bump, so a sweep that read the old team loses the race and fires
            // its warning or escalation for the new team.
            var deadlines = await db.NormDeadlines
                .Where(d => d.ClientId == moved.ClientId && d.ResolvedAt == null && d.AreaTeam != moved.NewAreaTeam)
                .ToListAsync(context.CancellationToken);
            foreach (var deadline in deadlines)
            {
                deadline.AreaTeam = moved.NewAreaTeam;
                deadline.Version++;
            }
            await ClientWork.FollowAsync(db, moved.ClientId, moved.NewAreaTeam, context.CancellationToken);
        });
}
