using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>The register stamps of the embedded default (decision 0045), with the same rules as in Redis.</summary>
public sealed partial class InMemoryKlantbeeldStore
{
    private readonly Dictionary<Guid, RegisterStamp> _stamps = [];

    public Task<(KlantbeeldDocument? Document, RegisterStamp Stamp)> GetWithRegisterStampAsync(Guid clientId, CancellationToken ct)
    {
        var document = _documents.TryGetValue(clientId, out var doc) ? doc : null;
        lock (_stamps)
        {
            return Task.FromResult((document, _stamps.GetValueOrDefault(clientId, RegisterStamp.None)));
        }
    }

    public Task<RegisterStamp> StampRegisterAsync(Guid clientId, CancellationToken ct)
    {
        var stamp = new RegisterStamp(0, RegisterStamp.NewVersion());
        lock (_stamps)
        {
            return Task.FromResult(_stamps.TryAdd(clientId, stamp) ? stamp : RegisterStamp.None);
        }
    }

    public Task BeginRegisterChangeAsync(Guid clientId, CancellationToken ct)
    {
        lock (_stamps)
        {
            var current = _stamps.GetValueOrDefault(clientId, new RegisterStamp(0, RegisterStamp.NewVersion()));
            _stamps[clientId] = current with { ChangesUnderWay = current.ChangesUnderWay + 1 };
        }
        return Task.CompletedTask;
    }

    public Task EndRegisterChangeAsync(Guid clientId, CancellationToken ct)
    {
        lock (_stamps)
        {
            var changes = _stamps.GetValueOrDefault(clientId, RegisterStamp.None).ChangesUnderWay;
            _stamps[clientId] = new RegisterStamp(Math.Max(changes - 1, 0), RegisterStamp.NewVersion());
        }
        return Task.CompletedTask;
    }
}
