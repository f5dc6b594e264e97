using StackExchange.Redis;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>
/// The register stamps (decision 0045): key "register:{clientId}" holds "changes:version". Apart from the pictures, so
/// that a rebuild, which clears the pictures, leaves them.
/// </summary>
public sealed partial class RedisKlantbeeldStore
{
    public const string RegisterPrefix = "register:";

    private const string BeginChangeScript = """
        local current = redis.call('GET', KEYS[1])
        local changes, version = 0, ARGV[1]
        if current then
          local colon = string.find(current, ':', 1, true)
          changes = tonumber(string.sub(current, 1, colon - 1)) or 0
          version = string.sub(current, colon + 1)
        end
        redis.call('SET', KEYS[1], (changes + 1) .. ':' .. version)
        return changes + 1
        """;

    private const string EndChangeScript = """
        local current = redis.call('GET', KEYS[1])
        local changes = 0
        if current then
          changes = tonumber(string.sub(current, 1, string.find(current, ':', 1, true) - 1)) or 0
        end
        if changes > 0 then changes = changes - 1 end
        redis.call('SET', KEYS[1], changes .. ':' .. ARGV[1])
        return changes
        """;

    public async Task<(KlantbeeldDocument? Document, RegisterStamp Stamp)> GetWithRegisterStampAsync(Guid clientId, CancellationToken ct)
    {
        var values = await redis.GetDatabase().StringGetAsync([Key(clientId), RegisterKey(clientId)]);
        var document = values[0].IsNull ? null : Deserialize((byte[])values[0]!);
        return (document, RegisterStamp.Parse(values[1]));
    }

    public async Task<RegisterStamp> StampRegisterAsync(Guid clientId, CancellationToken ct)
    {
        var stamp = new RegisterStamp(0, RegisterStamp.NewVersion());
        return await redis.GetDatabase().StringSetAsync(RegisterKey(clientId), stamp.Format(), when: When.NotExists)
            ? stamp
            : RegisterStamp.None;
    }

    public Task BeginRegisterChangeAsync(Guid clientId, CancellationToken ct) =>
        redis.GetDatabase().ScriptEvaluateAsync(BeginChangeScript, [RegisterKey(clientId)], [RegisterStamp.NewVersion()]);

    public Task EndRegisterChangeAsync(Guid clientId, CancellationToken ct) =>
        redis.GetDatabase().ScriptEvaluateAsync(EndChangeScript, [RegisterKey(clientId)], [RegisterStamp.NewVersion()]);

    private static RedisKey RegisterKey(Guid clientId) => RegisterPrefix + clientId.ToString("N");
}
