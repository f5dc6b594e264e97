using System.Text.Json;
using StackExchange.Redis;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>
/// The read model in Redis. Key "klantbeeld:{clientId}" holds the JSON document; per team, the sorted set
/// "worklist:{team}" (score: deadline) and the hash "worklist:{team}:items" hold the open work. A change commits only
/// if the document still holds what was read (optimistic), and moves the client's work items in the same transaction.
/// </summary>
public sealed class RedisKlantbeeldStore(IConnectionMultiplexer redis) : IKlantbeeldStore
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
            var raw = await db.StringGetAsync(key);
            var current = raw.IsNull ? null : Deserialize(raw!);
            var updated = change(current);
            if (current is not null && ReferenceEquals(updated, current))
            {
                return current;
            }
            var transaction = db.CreateTransaction();
            transaction.AddCondition(raw.IsNull ? Condition.KeyNotExists(key) : Condition.StringEqual(key, raw));
            _ = transaction.StringSetAsync(key, JsonSerializer.SerializeToUtf8Bytes(updated, KlantbeeldJson.Default.KlantbeeldDocument));
            MoveWorkItems(transaction, current, updated);
            if (await transaction.ExecuteAsync())
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

    private static void MoveWorkItems(ITransaction transaction, KlantbeeldDocument? current, KlantbeeldDocument updated)
    {
        var before = Worklist.ItemsOf(current);
        var after = Worklist.ItemsOf(updated);
        if (before.SequenceEqual(after) && current?.AreaTeam == updated.AreaTeam)
        {
            return;
        }
        if (before.Count > 0)
        {
            var oldTeam = WorklistPrefix + current!.AreaTeam;
            var oldKeys = before.Select(i => (RedisValue)i.Key).ToArray();
            _ = transaction.SortedSetRemoveAsync(oldTeam, oldKeys);
            _ = transaction.HashDeleteAsync(oldTeam + ":items", oldKeys);
        }
        if (after.Count > 0)
        {
            var newTeam = WorklistPrefix + updated.AreaTeam;
            _ = transaction.SortedSetAddAsync(newTeam, after.Select(i => new SortedSetEntry(i.Key, i.Score)).ToArray());
            _ = transaction.HashSetAsync(newTeam + ":items", after
                .Select(i => new HashEntry(i.Key, JsonSerializer.SerializeToUtf8Bytes(i, KlantbeeldJson.Default.WorkItem))).ToArray());
        }
    }

    private static RedisKey Key(Guid clientId) => KeyPrefix + clientId.ToString("N");

    private static KlantbeeldDocument Deserialize(byte[] value) =>
        JsonSerializer.Deserialize(value, KlantbeeldJson.Default.KlantbeeldDocument)
        ?? throw new InvalidOperationException("Empty klantbeeld document");
}
