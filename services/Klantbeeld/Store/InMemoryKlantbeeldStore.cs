using System.Collections.Concurrent;
using Uwv.Calendar;
using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>The embedded default's read model: documents and worklists in process memory, rebuilt by replay at start.</summary>
public sealed partial class InMemoryKlantbeeldStore(OfficeHours office) : IKlantbeeldStore
{
    private readonly ConcurrentDictionary<Guid, KlantbeeldDocument> _documents = new();
    private readonly ConcurrentDictionary<string, TeamWorklist> _worklists = new();
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public Task<KlantbeeldDocument?> GetAsync(Guid clientId, CancellationToken ct) =>
        Task.FromResult(_documents.TryGetValue(clientId, out var doc) ? doc : null);

    public async Task<KlantbeeldDocument> UpdateAsync(Guid clientId, Func<KlantbeeldDocument?, KlantbeeldDocument> change, CancellationToken ct)
    {
        // One writer per client at a time keeps the document and its worklist items in step.
        var stripe = _stripes[(clientId.GetHashCode() & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(ct);
        try
        {
            _documents.TryGetValue(clientId, out var current);
            var updated = change(current);
            if (ReferenceEquals(updated, current))
            {
                return updated;
            }
            _documents[clientId] = updated;
            foreach (var item in Worklist.ItemsOf(current, office))
            {
                Team(current!.AreaTeam!).Remove(item.Key);
            }
            foreach (var item in Worklist.ItemsOf(updated, office))
            {
                Team(updated.AreaTeam!).Add(item);
            }
            return updated;
        }
        finally
        {
            stripe.Release();
        }
    }

    public Task<WorklistPage> ListWorklistAsync(string team, WorklistFilter filter, int offset, int count, CancellationToken ct)
    {
        var matching = _worklists.TryGetValue(team, out var worklist) ? worklist.Snapshot().Where(filter.Matches).ToList() : [];
        return Task.FromResult(new WorklistPage(matching.Skip(offset).Take(count).ToList(), matching.Count));
    }

    public Task ClearAsync(CancellationToken ct)
    {
        _documents.Clear();
        _worklists.Clear();
        return Task.CompletedTask;
    }

    private TeamWorklist Team(string team) => _worklists.GetOrAdd(team, _ => new TeamWorklist());

    private sealed class TeamWorklist
    {
        private readonly Dictionary<string, WorkItem> _byKey = [];
        private readonly SortedSet<WorkItem> _ordered = new(Comparer<WorkItem>.Create((a, b) =>
            a.Score != b.Score ? a.Score.CompareTo(b.Score) : string.CompareOrdinal(a.Key, b.Key)));

        public void Add(WorkItem item)
        {
            lock (_ordered)
            {
                RemoveLocked(item.Key);
                _byKey[item.Key] = item;
                _ordered.Add(item);
            }
        }

        public void Remove(string key)
        {
            lock (_ordered)
            {
                RemoveLocked(key);
            }
        }

        public List<WorkItem> Snapshot()
        {
            lock (_ordered)
            {
                return [.. _ordered];
            }
        }

        private void RemoveLocked(string key)
        {
            if (_byKey.Remove(key, out var existing))
            {
                _ordered.Remove(existing);
            }
        }
    }
}
