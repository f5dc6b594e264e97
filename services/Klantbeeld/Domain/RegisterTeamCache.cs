using System.Collections.Concurrent;

namespace Uwv.Klantbeeld.Domain;

/// <summary>
/// The area teams this process read from the register, each with the <see cref="RegisterStamp"/> it was read at
/// (decision 0045). A remembered team is given only to a read that sees the same settled stamp: a move of the client
/// changes the stamp before its commit and again after it, so a read that starts after a move committed never gets
/// the team from before it. Bounded in size (past <see cref="Capacity"/> clients it forgets them all and starts again)
/// and in age (<see cref="MaxAge"/>): a change of the register that does not stamp (a replica of an earlier release
/// during an upgrade, a correction made in the database by hand) is seen within that time all the same.
/// </summary>
public sealed class RegisterTeamCache(TimeProvider clock, int capacity = RegisterTeamCache.DefaultCapacity, TimeSpan? maxAge = null)
{
    public const int DefaultCapacity = 100_000;
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<string, string> _teamNames = new(StringComparer.Ordinal);
    private int _count;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    public TimeSpan MaxAge { get; } = maxAge ?? DefaultMaxAge;

    /// <summary>The team remembered for the client at exactly this stamp, if the stamp is settled.</summary>
    public bool TryGet(Guid clientId, RegisterStamp stamp, out string team)
    {
        if (stamp.Settled && _entries.TryGetValue(clientId, out var entry) && entry.Version == stamp.Version
            && clock.GetElapsedTime(entry.RememberedAt) < MaxAge)
        {
            team = entry.Team;
            return true;
        }
        team = "";
        return false;
    }

    /// <summary>
    /// Remembers the team the register gave for a read that saw <paramref name="stamp"/> before it asked; a stamp that is
    /// not settled is not remembered.
    /// </summary>
    public void Remember(Guid clientId, RegisterStamp stamp, string team)
    {
        if (!stamp.Settled)
        {
            return;
        }
        var entry = new Entry(_teamNames.GetOrAdd(team, team), stamp.Version!.Value, clock.GetTimestamp());
        if (!_entries.TryAdd(clientId, entry))
        {
            _entries[clientId] = entry;
            return;
        }
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
    }

    /// <summary>How many clients are remembered.</summary>
    public int Count => _entries.Count;

    private readonly record struct Entry(string Team, long Version, long RememberedAt);
}
