using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using StackExchange.Redis;
using Uwv.Calendar;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>
/// The read model in Redis. Key "klantbeeld:{clientId}" holds the JSON document; per team, the sorted set
/// "worklist:{team}" (score: deadline) and the hash "worklist:{team}:items" hold the open work. A change commits only
/// if the document still holds what was read (optimistic), and moves the client's work items in the same atomic step
/// (a Lua script: Redis runs it without interleaving other commands).
/// </summary>
public sealed partial class RedisKlantbeeldStore(IConnectionMultiplexer redis, OfficeHours office) : IKlantbeeldStore
{
    public const string KeyPrefix = "klantbeeld:";
    public const string WorklistPrefix = "worklist:";

    public async Task<KlantbeeldDocument?> GetAsync(Guid clientId, CancellationToken ct)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(clientId));
        return value.IsNull ? null : Deserialize(value!);
    }

    public async Task<KlantbeeldDocument> UpdateAsync(Guid clientId, Func<KlantbeeldDocument?, KlantbeeldDocument> change, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var key = Key(clientId);
        for (var attempt = 0; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            var raw = (byte[]?)await db.StringGetAsync(key);
            var current = raw is null ? null : Deserialize(raw);
            var updated = change(current);
            if (current is not null && ReferenceEquals(updated, current))
            {
                return current;
            }
            if (await CompareAndSetAsync(db, key, raw, current, updated))
            {
                return updated;
            }
            if (attempt > 50)
            {
                throw new InvalidOperationException("Klantbeeld update kept conflicting");
            }
        }
    }

    public async Task<WorklistPage> ListWorklistAsync(string team, WorklistFilter filter, int offset, int count, CancellationToken ct)
    {
        var db = redis.GetDatabase();
        var keys = await db.SortedSetRangeByRankAsync(WorklistPrefix + team);
        if (keys.Length == 0)
        {
            return new WorklistPage([], 0);
        }
        var values = await db.HashGetAsync(WorklistPrefix + team + ":items", keys);
        var matching = values
            .Where(v => !v.IsNull)
            .Select(v => JsonSerializer.Deserialize((byte[])v!, KlantbeeldJson.Default.WorkItem)!)
            .Where(filter.Matches)
            .ToList();
        return new WorklistPage(matching.Skip(offset).Take(count).ToList(), matching.Count);
    }

    public async Task ClearAsync(CancellationToken ct)
    {
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }
            foreach (var pattern in new[] { KeyPrefix + "*", WorklistPrefix + "*" })
            {
                await foreach (var key in server.KeysAsync(pattern: pattern, pageSize: 1000).WithCancellation(ct))
                {
                    await redis.GetDatabase().KeyDeleteAsync(key);
                }
            }
        }
    }

    /// <summary>
    /// Writes the document and moves the client's work items in one server-side step, only if the document still is
    /// what was read (compared by SHA-1; empty = must not exist). One round trip, atomic like MULTI/EXEC, without the
    /// WATCH and condition round trips a client-side transaction needs.
    /// </summary>
    private const string CompareAndSetScript = """
        local current = redis.call('GET', KEYS[1])
        if ARGV[1] == '' then
          if current then return 0 end
        elseif (not current) or redis.sha1hex(current) ~= ARGV[1] then
          return 0
        end
        redis.call('SET', KEYS[1], ARGV[2])
        local i = 4
        for _ = 1, tonumber(ARGV[3]) do
          redis.call('ZREM', KEYS[2], ARGV[i])
          redis.call('HDEL', KEYS[3], ARGV[i])
          i = i + 1
        end
        local added = tonumber(ARGV[i])
        i = i + 1
        for _ = 1, added do
          redis.call('ZADD', KEYS[4], ARGV[i + 1], ARGV[i])
          redis.call('HSET', KEYS[5], ARGV[i], ARGV[i + 2])
          i = i + 3
        end
        return 1
        """;

    private async Task<bool> CompareAndSetAsync(IDatabase db, RedisKey key, byte[]? raw, KlantbeeldDocument? current, KlantbeeldDocument updated)
    {
        var before = Worklist.ItemsOf(current, office);
        var after = Worklist.ItemsOf(updated, office);
        var moveWork = !before.SequenceEqual(after) || current?.AreaTeam != updated.AreaTeam;
        var removed = moveWork ? before : [];
        var added = moveWork ? after : [];
        var oldTeam = WorklistPrefix + (current?.AreaTeam ?? updated.AreaTeam);
        var newTeam = WorklistPrefix + updated.AreaTeam;
        var args = new List<RedisValue>(4 + removed.Count + 3 * added.Count)
        {
            // SHA-1 because it is the hash Redis scripts have (redis.sha1hex); it detects a change, it secures nothing.
            raw is null ? "" : Convert.ToHexStringLower(SHA1.HashData(raw)),
            JsonSerializer.SerializeToUtf8Bytes(updated, KlantbeeldJson.Default.KlantbeeldDocument),
            removed.Count,
        };
        args.AddRange(removed.Select(i => (RedisValue)i.Key));
        args.Add(added.Count);
        foreach (var item in added)
        {
            args.Add(item.Key);
            args.Add(item.Score.ToString("R", CultureInfo.InvariantCulture));
            args.Add(JsonSerializer.SerializeToUtf8Bytes(item, KlantbeeldJson.Default.WorkItem));
        }
        var result = await db.ScriptEvaluateAsync(CompareAndSetScript,
            [key, oldTeam, oldTeam + ":items", newTeam, newTeam + ":items"], [.. args]);
        return (int)result == 1;
    }

    private static RedisKey Key(Guid clientId) => KeyPrefix + clientId.ToString("N");

    private static KlantbeeldDocument Deserialize(byte[] value) =>
        JsonSerializer.Deserialize(value, KlantbeeldJson.Default.KlantbeeldDocument)
        ?? throw new InvalidOperationException("Empty klantbeeld document");
}
