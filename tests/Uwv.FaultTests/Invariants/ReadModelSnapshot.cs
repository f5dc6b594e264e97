using StackExchange.Redis;

namespace Uwv.FaultTests.Invariants;

/// <summary>
/// Everything the klantbeeld keeps in this run's Redis database (pictures "klantbeeld:*" and worklist indexes
/// "worklist:*") in a comparable form: strings as stored, sorted sets and hashes as sorted entries.
/// </summary>
public sealed class ReadModelSnapshot
{
    private ReadModelSnapshot(IReadOnlyDictionary<string, string> entries) => Entries = entries;

    public IReadOnlyDictionary<string, string> Entries { get; }

    public static async Task<ReadModelSnapshot> TakeAsync(string redis, int database)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis);
        var db = connection.GetDatabase(database);
        var entries = new Dictionary<string, string>();
        foreach (var endpoint in connection.GetEndPoints())
        {
            foreach (var pattern in new[] { "klantbeeld:*", "worklist:*" })
            {
                await foreach (var key in connection.GetServer(endpoint).KeysAsync(database, pattern, pageSize: 1000))
                {
                    entries[key.ToString()] = await ReadAsync(db, key);
                }
            }
        }
        return new ReadModelSnapshot(entries);
    }

    /// <summary>The keys that differ (missing, extra or changed), for a picture with the fields that changed (see <see cref="JsonDifferences"/>).</summary>
    public IReadOnlyList<string> Differences(ReadModelSnapshot other) =>
        Entries.Keys.Union(other.Entries.Keys)
            .Where(k => !Entries.TryGetValue(k, out var mine) || !other.Entries.TryGetValue(k, out var theirs) || mine != theirs)
            .Order(StringComparer.Ordinal)
            .Select(k => !Entries.ContainsKey(k) ? k + " (only after)" : !other.Entries.ContainsKey(k) ? k + " (only before)" : Changed(k, other))
            .ToList();

    private string Changed(string key, ReadModelSnapshot other) =>
        key.StartsWith("klantbeeld:", StringComparison.Ordinal)
            ? $"{key} changed: {string.Join("; ", JsonDifferences.Of(Entries[key], other.Entries[key]))}"
            : key + " changed";

    private static async Task<string> ReadAsync(IDatabase db, RedisKey key) => await db.KeyTypeAsync(key) switch
    {
        RedisType.String => (await db.StringGetAsync(key)).ToString(),
        RedisType.SortedSet => string.Join('\n', (await db.SortedSetRangeByRankWithScoresAsync(key))
            .Select(e => $"{e.Element}={e.Score.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal)),
        RedisType.Hash => string.Join('\n', (await db.HashGetAllAsync(key)).Select(e => $"{e.Name}={e.Value}").Order(StringComparer.Ordinal)),
        var other => $"<{other}>",
    };
}
