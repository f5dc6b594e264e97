using Microsoft.EntityFrameworkCore;

namespace Uwv.Klantbeeld.Data;

/// <summary>
/// The register's queries on the read path, compiled once. Every klantbeeld read asks for the client's area team; a
/// LINQ query would have its expression tree walked and its cache key computed on every call (decision 0033).
/// </summary>
public static class ClientQueries
{
    /// <summary>The area teams that serve the given clients now; a client not in the register is left out.</summary>
    public static readonly Func<KlantbeeldDbContext, Guid[], IAsyncEnumerable<ClientTeam>> AreaTeamsOf =
        EF.CompileAsyncQuery((KlantbeeldDbContext db, Guid[] clientIds) =>
            db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.ClientId)).Select(c => new ClientTeam(c.ClientId, c.AreaTeam)));
}

/// <summary>A client and the area team that serves it.</summary>
public sealed record ClientTeam(Guid ClientId, string AreaTeam);
