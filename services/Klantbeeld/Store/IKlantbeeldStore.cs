using Uwv.Klantbeeld.Domain;

namespace Uwv.Klantbeeld.Store;

/// <summary>The read model: one document per client. Redis on real servers, in-process in the embedded default.</summary>
public interface IKlantbeeldStore
{
    Task<KlantbeeldDocument?> GetAsync(Guid clientId, CancellationToken ct);

    /// <summary>Applies a change atomically with respect to concurrent changes of the same client.</summary>
    Task<KlantbeeldDocument> UpdateAsync(Guid clientId, Func<KlantbeeldDocument?, KlantbeeldDocument> change, CancellationToken ct);

    /// <summary>Removes every picture (before a rebuild).</summary>
    Task ClearAsync(CancellationToken ct);
}
