using Microsoft.Extensions.Configuration;
using Uwv.ServiceDefaults.Dapr;

// In the root namespace, like PlatformConfiguration, so AddServiceDefaults needs no extra using.
namespace Uwv.ServiceDefaults;

public static class DaprSecretStoreExtensions
{
    /// <summary>The secret store component every service reads (k8s/base/dapr/secret-store.yaml).</summary>
    public const string DefaultStore = "uwv-secrets";

    /// <summary>The <c>Dapr:SecretStore</c> value of a process that reads no secret store.</summary>
    public const string NoStore = "none";

    /// <summary>
    /// With a Dapr sidecar present, adds the secrets of the store named by <c>Dapr:SecretStore</c> (default
    /// <see cref="DefaultStore"/>) as configuration, above the sources added before it: only the secret named by
    /// <c>Dapr:Secret</c> when set (each service's own, decision 0020), else all it lets through. Without a sidecar, does nothing:
    /// connection strings then come from configuration (files, environment, command line). <c>Dapr:SecretStore</c>
    /// <c>none</c> reads no store (the gateway, which holds no secret).
    /// </summary>
    public static IConfigurationManager AddDaprSecretStore(this IConfigurationManager configuration)
    {
        var sidecar = DaprSidecar.Detect(configuration);
        var sources = ((IConfigurationBuilder)configuration).Sources;
        if (sidecar is null || sources.OfType<DaprSecretStoreSource>().Any())
        {
            return configuration;
        }
        var store = configuration["Dapr:SecretStore"] is { Length: > 0 } named ? named : DefaultStore;
        if (string.Equals(store, NoStore, StringComparison.OrdinalIgnoreCase))
        {
            return configuration;
        }
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Dapr:SecretStoreTimeoutSeconds", 60));
        var secret = configuration["Dapr:Secret"] is { Length: > 0 } own ? own : null;
        ((IConfigurationBuilder)configuration).Add(new DaprSecretStoreSource(sidecar, store, timeout, secret));
        return configuration;
    }
}
