using Microsoft.EntityFrameworkCore;

namespace Uwv.Klantbeeld.Data;

/// <summary>
/// The register's queries on the read path, compiled once. Every klantbeeld read asks for the client's area team; a
/// LINQ query would have its expression tree walked and its cache key computed on every call (decision 0033).
/// </summary>
public static class ClientQueries
{
    /// <summary>The area team that serves the client now, or null for a client not in the register.</summary>
    public static readonly Func<KlantbeeldDbContext, Guid, CancellationToken, Task<string?>> AreaTeamOf =
        EF.CompileAsyncQuery((KlantbeeldDbContext db, Guid clientId, CancellationToken ct) =>
            db.Clients.AsNoTracking().Where(c => c.ClientId == clientId).Select(c => c.AreaTeam).FirstOrDefault());
}
