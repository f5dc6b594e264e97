using Microsoft.Extensions.Configuration;

namespace Uwv.ServiceDefaults.Dapr;

/// <summary>
/// Configuration read from a Dapr secret store once at start-up. Every key of every secret the store lets this
/// app read becomes a configuration key, with <c>__</c> (or <c>--</c>, for stores that forbid underscores) as the
/// section separator: the Kubernetes secret key <c>ConnectionStrings__postgres</c> becomes <c>ConnectionStrings:postgres</c>.
/// With <see cref="Secret"/> only that one secret is read (a single get, which the cluster's Role can limit to the
/// service's own secret by name); without it, every secret the store lets through (a bulk read lists them).
/// </summary>
public sealed class DaprSecretStoreSource(DaprSidecar sidecar, string store, TimeSpan timeout, string? secret = null) : IConfigurationSource
{
    public string? Secret => secret;

    public DaprSidecar Sidecar => sidecar;

    public string Store => store;

    public TimeSpan Timeout => timeout;

    public IConfigurationProvider Build(IConfigurationBuilder builder) => new DaprSecretStoreProvider(this);
}
