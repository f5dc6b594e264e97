using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Uwv.ServiceDefaults.Teams;

/// <summary>
/// Access follows the client: every row of a service that has a <c>ClientId</c> and an <c>AreaTeam</c> is that client's
/// work, served to (and listed for) the team in <c>AreaTeam</c>. After a move they all, open and closed, name the new
/// team. Found from the model, so a table added later follows the client without being listed here.
/// </summary>
public static class ClientWork
{
    public const string ClientProperty = "ClientId";
    public const string TeamProperty = "AreaTeam";

    private static readonly MethodInfo FollowRowsMethod =
        typeof(ClientWork).GetMethod(nameof(FollowRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The entity types that carry a client's team: the tables a move re-stamps.</summary>
    public static IReadOnlyList<Type> TypesIn(DbContext db) =>
        db.Model.GetEntityTypes()
            .Where(t => t.FindProperty(ClientProperty)?.ClrType == typeof(Guid) && t.FindProperty(TeamProperty)?.ClrType == typeof(string))
            .Select(t => t.ClrType)
            .ToList();

    /// <summary>Sets the team of every row of the client to <paramref name="newTeam"/> (tracked; the caller's SaveChanges commits).</summary>
    public static async Task FollowAsync(DbContext db, Guid clientId, string newTeam, CancellationToken ct)
    {
        foreach (var type in TypesIn(db))
        {
            await (Task)FollowRowsMethod.MakeGenericMethod(type).Invoke(null, [db, clientId, newTeam, ct])!;
        }
    }

    private static async Task FollowRowsAsync<T>(DbContext db, Guid clientId, string newTeam, CancellationToken ct)
        where T : class
    {
        var rows = await db.Set<T>()
            .Where(r => EF.Property<Guid>(r, ClientProperty) == clientId && EF.Property<string>(r, TeamProperty) != newTeam)
            .ToListAsync(ct);
        foreach (var row in rows)
        {
            db.Entry(row).Property(TeamProperty).CurrentValue = newTeam;
        }
    }
}
