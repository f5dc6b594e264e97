using Microsoft.Extensions.DependencyInjection;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Klantbeeld.Data;

/// <summary>
/// The area team that serves a client, read from the register on every klantbeeld read: a move counts from the moment
/// it is recorded. Reads that arrive together share one query (decision 0035); a read never shares a query that
/// started before it, so a move committed before the read is always seen.
/// </summary>
public sealed class RegisterTeams : IAsyncDisposable
{
    /// <summary>Queries at a time; the rest of the reads wait and go together in the next one.</summary>
    public const int QueriesInFlight = 2;

    private readonly GroupedLookup<Guid, string> _lookup;

    public RegisterTeams(IServiceScopeFactory scopes) => _lookup = new(async (clientIds, ct) =>
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

    /// <summary>The area team that serves the client now, or null for a client not in the register.</summary>
    public Task<string?> AreaTeamOfAsync(Guid clientId, CancellationToken ct) => _lookup.FindAsync(clientId, ct);

    public ValueTask DisposeAsync() => _lookup.DisposeAsync();
}
