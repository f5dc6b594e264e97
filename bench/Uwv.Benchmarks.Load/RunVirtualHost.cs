using System.Diagnostics;
using Uwv.Testing;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// A RabbitMQ virtual host of the run's own, made with the managed node's rabbitmqctl (scripts/servers.sh) and deleted
/// at the end: queues, bindings and messages left on the broker by an earlier run, or by an earlier build with other
/// consumers, must not take part in the measure.
/// </summary>
public sealed class RunVirtualHost : IAsyncDisposable
{
    private readonly string _name;

    private RunVirtualHost(string name, string uri)
    {
        _name = name;
        Uri = uri;
    }

    /// <summary>The broker address with the run's virtual host.</summary>
    public string Uri { get; }

    public static async Task<RunVirtualHost> CreateAsync(string brokerUri, string name)
    {
        var broker = new Uri(brokerUri);
        var user = System.Uri.UnescapeDataString(broker.UserInfo.Split(':')[0] is { Length: > 0 } u ? u : "guest");
        await RabbitMqCtlAsync("add_vhost", name);
        await RabbitMqCtlAsync("set_permissions", "-p", name, user, ".*", ".*", ".*");
        // The services' own users and their permissions on this host (decision 0020).
        await ServersAsync("accounts", name);
        return new RunVirtualHost(name, new UriBuilder(broker) { Path = "/" + name }.Uri.ToString());
    }

    public async ValueTask DisposeAsync() => await RabbitMqCtlAsync("delete_vhost", _name);

    private static Task RabbitMqCtlAsync(params string[] arguments) => ServersAsync(["rabbitmqctl", .. arguments]);

    private static async Task ServersAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "servers.sh"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start scripts/servers.sh");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"servers.sh {string.Join(' ', arguments)} failed (the benchmark needs the RabbitMQ that scripts/servers.sh manages): " +
                await output + await errors);
        }
    }
}
