using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.ServiceDefaults.Grpc;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Divisions;

/// <summary>
/// Before the handover service answers NOT_FOUND for a dossier, it asks the division the dossier is handed over from:
/// the klantbeeld may already show a dossier whose <see cref="DossierOpened"/> has not reached this service yet.
/// A dossier the division knows is recorded as the event would record it (docs/decisions/0022-dossier-lookup-fallback.md).
/// </summary>
public sealed class DossierLearner(HandoverDbContext db, DossierRegister register, KpiStore kpis, IDivisionDossiers divisions)
{
    /// <summary>Learns the dossier or throws NOT_FOUND (the division does not know it), FAILED_PRECONDITION (closed there), PERMISSION_DENIED or UNAVAILABLE.</summary>
    public async Task LearnAsync(Guid dossierId, string rawDossierId, DivisionCode division, CancellationToken ct)
    {
        var answer = await divisions.FindAsync(division, dossierId, ct);
        var (learned, refusal) = DossierLookup.Learn(dossierId, division, answer);
        if (refusal is not null)
        {
            throw RpcErrors.FailedPrecondition(refusal.Rule, refusal.Explanation);
        }
        if (learned is null)
        {
            throw RpcErrors.NotFound("dossier", rawDossierId);
        }
        await kpis.ShardAsync(ct); // before the transaction: see KpiStore.ShardAsync
        try
        {
            await db.InTransactionAsync(async attempt =>
            {
                if (await register.AddIfUnknownAsync(learned.Opened, attempt))
                {
                    await db.SaveChangesAsync(attempt);
                }
            }, attempt => db.Dossiers.AsNoTracking().AnyAsync(d => d.DossierId == dossierId, attempt), ct);
        }
        catch (DbUpdateException)
        {
            // The DossierOpened event was recorded at the same moment: the dossier is known either way. Any other
            // failure leaves it unknown, and is not hidden.
            db.ChangeTracker.Clear();
            if (!await db.Dossiers.AsNoTracking().AnyAsync(d => d.DossierId == dossierId, ct))
            {
                throw;
            }
        }
    }
}
