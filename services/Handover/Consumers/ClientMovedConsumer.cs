using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Outbox;

namespace Uwv.Handover.Consumers;

/// <summary>
/// Access follows the client: after a move, every handover of the client (open, accepted, returned or cancelled), the
/// dossier owners and the kwetsbaarheid signalen belong to the new area team; the old team no longer reads them.
/// KPI counts stay with the team that did the work.
/// </summary>
public sealed class ClientMovedConsumer(HandoverDbContext db, TimeProvider clock) : IConsumer<ClientMoved>
{
    public Task Consume(ConsumeContext<ClientMoved> context) =>
        db.HandleOnceAsync(context, "HandoverClientMovedConsumer", clock, async () =>
        {
            var moved = context.Message;
            var ct = context.CancellationToken;
            if (moved.OldAreaTeam == moved.NewAreaTeam)
            {
                return;
            }
            // Remembered for dossier events still on their way with the former team (DossierRegister).
            var at = moved.OccurredAt.ToUniversalTime();
            var known = await db.ClientTeams.FirstOrDefaultAsync(c => c.ClientId == moved.ClientId, ct);
            if (known is null)
            {
                db.ClientTeams.Add(new ClientTeamRecord { ClientId = moved.ClientId, Team = moved.NewAreaTeam, MovedAt = at });
            }
            else if (known.MovedAt <= at)
            {
                (known.Team, known.MovedAt) = (moved.NewAreaTeam, at);
            }
            foreach (var row in await db.Dossiers.Where(d => d.ClientId == moved.ClientId && d.Team != moved.NewAreaTeam).ToListAsync(ct))
            {
                row.Team = moved.NewAreaTeam;
            }
            foreach (var handover in await db.Handovers.Where(h => h.ClientId == moved.ClientId && h.Team != moved.NewAreaTeam).ToListAsync(ct))
            {
                handover.Team = moved.NewAreaTeam;
                if (handover.State != HandoverStates.Accepted && handover.State != HandoverStates.Cancelled)
                {
                    handover.Version++;
                }
            }
            foreach (var signaal in await db.Signalen.Where(s => s.ClientId == moved.ClientId && s.Team != moved.NewAreaTeam).ToListAsync(ct))
            {
                signaal.Team = moved.NewAreaTeam;
            }
        });
}
