using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Domain;

namespace Uwv.Handover.Data;

/// <summary>
/// Records a dossier a division opened as the start of a lineage that division owns, and counts it for flow load;
/// a dossier already known changes nothing. The same write whether the dossier was learned from its
/// <see cref="DossierOpened"/> event or by asking the division (<see cref="DossierLookup"/>), so either may come first.
/// The caller saves and commits.
/// </summary>
public sealed class DossierRegister(HandoverDbContext db, KpiRecorder kpis)
{
    public async Task<bool> AddIfUnknownAsync(DossierOpened e, CancellationToken ct)
    {
        var existing = await db.Dossiers.AsNoTracking().Where(d => d.DossierId == e.DossierId).ToListAsync(ct);
        // A move recorded after the dossier opened wins: the event may still carry the client's former team.
        var openedAt = e.OccurredAt.ToUniversalTime();
        var moved = await db.ClientTeams.AsNoTracking().Where(c => c.ClientId == e.ClientId && c.MovedAt >= openedAt)
            .Select(c => c.Team).FirstOrDefaultAsync(ct);
        var after = OwnershipLedger.Open(existing.Select(HandoverMapping.ToRow).ToList(), e.DossierId, e.ClientId, e.Division, moved ?? e.OwnerTeam, e.OccurredAt);
        if (existing.Count > 0 || after.SingleOrDefault() is not { } row)
        {
            return false;
        }
        db.Dossiers.Add(new DossierOwnership
        {
            DossierId = row.DossierId, LineageId = row.LineageId, ClientId = row.ClientId, Division = row.Division,
            Team = row.Team, Active = row.Active, Since = row.Since.ToUniversalTime(),
        });
        await kpis.RecordAsync([e], ct);
        return true;
    }
}
