using Microsoft.EntityFrameworkCore;
using Uwv.Handover.Domain;

namespace Uwv.Handover.Data;

/// <summary>
/// Everything a handover request's decision and write need, in one query (one round trip), compiled once: a LINQ query
/// would have its expression tree built, walked and hashed on every command (a tenth of the handover process's CPU in
/// the 2026-12-04 profile, docs/benchmarks.md).
/// </summary>
public static class RequestHandoverQuery
{
    /// <summary>The dossier and what surrounds it, or null when the dossier is not known here yet.</summary>
    public static readonly Func<HandoverDbContext, Guid, string?, string, CancellationToken, Task<RequestHandoverContext?>> Find =
        EF.CompileAsyncQuery((HandoverDbContext db, Guid dossierId, string? requestId, string subject, CancellationToken ct) =>
            db.Dossiers.AsNoTracking().Where(d => d.DossierId == dossierId)
                .Select(d => new RequestHandoverContext
                {
                    // A request id belongs to its caller: another employee's same id is a new request.
                    Repeat = db.Handovers.Where(h => requestId != null && h.RequestedBy == subject && h.RequestId == requestId)
                        .Select(h => (Guid?)h.HandoverId).FirstOrDefault(),
                    Dossier = d,
                    OpenHandover = db.Handovers.Any(h => h.LineageId == d.LineageId
                        && h.State != HandoverStates.Accepted && h.State != HandoverStates.Cancelled),
                    // A scalar subquery on the key (an entity here would make EF Core number every row of the table).
                    KpiState = db.KpiLineages.Where(k => k.LineageId == d.LineageId).Select(k => k.State).FirstOrDefault(),
                    Signalen = db.Signalen.Where(s => s.ClientId == d.ClientId && s.Team == d.Team && s.EndedAt == null).ToList(),
                })
                .FirstOrDefault());
}

/// <summary>A repeat of the request, the dossier, whether its lineage has an open handover, its KPI memory and the client's current signalen.</summary>
public sealed class RequestHandoverContext
{
    public Guid? Repeat { get; init; }
    public required DossierOwnership Dossier { get; init; }
    public bool OpenHandover { get; init; }
    public string? KpiState { get; init; }
    public required List<SignaalRecord> Signalen { get; init; }
}
