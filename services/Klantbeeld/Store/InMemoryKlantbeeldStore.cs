using System.Collections.Concurrent;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>The embedded default's read model: documents in process memory, rebuilt from the divisions at start.</summary>
public sealed class InMemoryKlantbeeldStore : IKlantbeeldStore
{
    private readonly ConcurrentDictionary<Guid, KlantbeeldDocument> _documents = new();

    public Task<KlantbeeldDocument?> GetAsync(Guid clientId, CancellationToken ct) =>
        Task.FromResult(_documents.TryGetValue(clientId, out var doc) ? doc : null);

    public Task<KlantbeeldDocument> UpdateAsync(Guid clientId, Func<KlantbeeldDocument?, KlantbeeldDocument> change, CancellationToken ct)
    {
        while (true)
        {
            if (_documents.TryGetValue(clientId, out var current))
            {
                var updated = change(current);
                if (ReferenceEquals(updated, current) || _documents.TryUpdate(clientId, updated, current))
                {
                    return Task.FromResult(updated);
                }
            }
            else
            {
                var created = change(null);
                if (_documents.TryAdd(clientId, created))
                {
                    return Task.FromResult(created);
                }
            }
        }
    }

    public Task ClearAsync(CancellationToken ct)
    {
        _documents.Clear();
        return Task.CompletedTask;
    }
}
