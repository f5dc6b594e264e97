namespace Uwv.ServiceDefaults.Persistence;

/// <summary>
/// Looks up keys in groups (<see cref="CallGroups{TItem,TResult}"/>): keys asked for while lookups run go together in the
/// next one, each key once. A key never joins a lookup that has already started, so every answer is read after it was
/// asked for (a change committed before the call is seen). If a lookup fails, every caller in it fails.
/// </summary>
public sealed class GroupedLookup<TKey, TValue> : IAsyncDisposable
    where TKey : notnull
    where TValue : class
{
    public const int MaxGroup = 256;
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly CallGroups<TKey, TValue?> _groups;

    /// <param name="lookup">Finds the values of the given distinct keys; a key without a value is left out.</param>
    /// <param name="maxInFlight">How many lookups may run at a time; fewer make larger groups.</param>
    /// <param name="timeout">How long one lookup may take before its callers fail.</param>
    public GroupedLookup(
        Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> lookup,
        int maxInFlight,
        TimeSpan? timeout = null) =>
        _groups = new(async (keys, ct) =>
        {
            var found = await lookup(keys.Distinct().ToList(), ct);
            return key => found.GetValueOrDefault(key);
        }, MaxGroup, maxInFlight, timeout ?? DefaultTimeout, "the lookup did not answer");

    /// <summary>The value of the key, or null when there is none.</summary>
    public Task<TValue?> FindAsync(TKey key, CancellationToken ct) => _groups.CallAsync(key, ct);

    public ValueTask DisposeAsync() => _groups.DisposeAsync();
}
