using Microsoft.Extensions.DependencyInjection;
using Uwv.Klantbeeld.Domain;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Data;

/// <summary>
/// The area team that serves a client, as the register says at the moment of the read: a move counts from the moment
/// it is recorded. A team read from the register is remembered with the client's register stamp and given again only
/// to reads that see the same settled stamp (decision 0045). Otherwise reads that arrive together share one query
/// (decision 0035); a read never shares a query that started before it, so a move committed before the read is always
/// seen.
/// </summary>
public sealed class RegisterTeams : IAsyncDisposable
{
    /// <summary>Queries at a time; the rest of the reads wait and go together in the next one.</summary>
    public const int QueriesInFlight = 2;

    private readonly GroupedLookup<Guid, string> _lookup;
    private readonly IKlantbeeldStore _store;

    public RegisterTeams(IServiceScopeFactory scopes, IKlantbeeldStore store, RegisterTeamCache remembered)
    {
        _store = store;
        Remembered = remembered;
        _lookup = new(async (clientIds, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KlantbeeldDbContext>();
            var teams = new Dictionary<Guid, string>(clientIds.Count);
            await foreach (var row in ClientQueries.AreaTeamsOf(db, [.. clientIds]).WithCancellation(ct))
            {
                teams[row.ClientId] = row.AreaTeam;
            }
            return teams;
        }, QueriesInFlight);
    }

    /// <summary>The teams remembered from earlier reads.</summary>
    public RegisterTeamCache Remembered { get; }

    /// <summary>
    /// The area team that serves the client now, or null for a client not in the register. <paramref name="stamp"/> is the
    /// client's register stamp, read before this call.
    /// </summary>
    public async Task<string?> AreaTeamOfAsync(Guid clientId, RegisterStamp stamp, CancellationToken ct)
    {
        if (Remembered.TryGet(clientId, stamp, out var remembered))
        {
            return remembered;
        }
        var team = await _lookup.FindAsync(clientId, ct);
        if (team is null)
        {
            return null;
        }
        if (stamp == RegisterStamp.None)
        {
            // A client read for the first time gets a stamp now; if a change stamped it meanwhile, nothing is remembered.
            stamp = await _store.StampRegisterAsync(clientId, ct);
        }
        Remembered.Remember(clientId, stamp, team);
        return team;
    }

    public ValueTask DisposeAsync() => _lookup.DisposeAsync();
}
