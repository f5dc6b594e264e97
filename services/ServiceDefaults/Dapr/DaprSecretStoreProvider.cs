using Dapr.Client;
using Microsoft.Extensions.Configuration;

namespace Uwv.ServiceDefaults.Dapr;

/// <summary>Loads the secrets of <see cref="DaprSecretStoreSource"/> through the sidecar.</summary>
public sealed class DaprSecretStoreProvider(DaprSecretStoreSource source) : ConfigurationProvider
{
    public override void Load()
    {
        var secrets = ReadWithRetry();
        var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in secrets.Values)
        {
            foreach (var (key, value) in secret)
            {
                data[ToConfigurationKey(key)] = value;
            }
        }
        Data = data;
    }

    public static string ToConfigurationKey(string secretKey) =>
        secretKey.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal)
            .Replace("--", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);

    // The sidecar may start after the app: retry until the time-out, then fail start-up rather than run without secrets.
    private Dictionary<string, Dictionary<string, string>> ReadWithRetry()
    {
        var builder = new DaprClientBuilder()
            .UseGrpcEndpoint(source.Sidecar.GrpcEndpoint.ToString())
            .UseHttpEndpoint(source.Sidecar.HttpEndpoint.ToString());
        if (source.Sidecar.ApiToken is { } token)
        {
            builder.UseDaprApiToken(token);
        }
        using var client = builder.Build();
        var deadline = DateTime.UtcNow + source.Timeout;
        var delay = TimeSpan.FromMilliseconds(200);
        while (true)
        {
            try
            {
                using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                if (source.Secret is { } name)
                {
                    return new() { [name] = client.GetSecretAsync(source.Store, name, cancellationToken: attempt.Token).GetAwaiter().GetResult() };
                }
                return client.GetBulkSecretAsync(source.Store, cancellationToken: attempt.Token).GetAwaiter().GetResult();
            }
            catch (Exception) when (DateTime.UtcNow + delay < deadline)
            {
                Thread.Sleep(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    $"Could not read the Dapr secret store '{source.Store}'{(source.Secret is { } name ? $" (secret '{name}')" : "")} through the sidecar at {source.Sidecar.GrpcEndpoint}", ex);
            }
        }
    }
}
