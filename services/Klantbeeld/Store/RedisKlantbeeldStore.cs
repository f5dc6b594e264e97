using System.Text.Json;
using StackExchange.Redis;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>
/// The read model in Redis: key "klantbeeld:{clientId}" holds the JSON document. Updates are optimistic
/// (the write only commits if the key still holds what was read), so concurrent consumers never lose a change.
/// </summary>
public sealed class RedisKlantbeeldStore(IConnectionMultiplexer redis) : IKlantbeeldStore
{
    public const string KeyPrefix = "klantbeeld:";

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

    public async Task ClearAsync(CancellationToken ct)
    {
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (server.IsReplica)
            {
                continue;
            }
            await foreach (var key in server.KeysAsync(pattern: KeyPrefix + "*", pageSize: 1000).WithCancellation(ct))
            {
                await redis.GetDatabase().KeyDeleteAsync(key);
            }
        }
    }

    private static RedisKey Key(Guid clientId) => KeyPrefix + clientId.ToString("N");

    private static KlantbeeldDocument Deserialize(byte[] value) =>
        JsonSerializer.Deserialize(value, KlantbeeldJson.Default.KlantbeeldDocument)
        ?? throw new InvalidOperationException("Empty klantbeeld document");
}
