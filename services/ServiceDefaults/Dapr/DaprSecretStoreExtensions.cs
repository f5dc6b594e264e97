using Microsoft.Extensions.Configuration;
using Uwv.ServiceDefaults.Dapr;

// In the root namespace, like PlatformConfiguration, so AddServiceDefaults needs no extra using.
namespace Uwv.ServiceDefaults;

public static class DaprSecretStoreExtensions
{
    /// <summary>The secret store component every service reads (k8s/base/dapr/secret-store.yaml).</summary>
    public const string DefaultStore = "uwv-secrets";

    /// <summary>
    /// With a Dapr sidecar present, adds the secrets of the store named by <c>Dapr:SecretStore</c> (default
    /// <see cref="DefaultStore"/>) as configuration, above the sources added before it. Without a sidecar, does nothing:
    /// connection strings then come from configuration (files, environment, command line).
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
        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Dapr:SecretStoreTimeoutSeconds", 60));
        ((IConfigurationBuilder)configuration).Add(new DaprSecretStoreSource(sidecar, store, timeout));
        return configuration;
    }
}
