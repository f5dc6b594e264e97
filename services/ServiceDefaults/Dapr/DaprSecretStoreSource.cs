using Microsoft.Extensions.Configuration;

namespace Uwv.ServiceDefaults.Dapr;

/// <summary>
/// Configuration read from a Dapr secret store once at start-up. Every key of every secret the store lets this
/// app read becomes a configuration key, with <c>__</c> (or <c>--</c>, for stores that forbid underscores) as the
/// section separator: the Kubernetes secret key <c>ConnectionStrings__postgres</c> becomes <c>ConnectionStrings:postgres</c>.
/// </summary>
public sealed class DaprSecretStoreSource(DaprSidecar sidecar, string store, TimeSpan timeout) : IConfigurationSource
{
    public DaprSidecar Sidecar => sidecar;

    public string Store => store;

    public TimeSpan Timeout => timeout;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DaprSecretStoreProvider(this);
}
