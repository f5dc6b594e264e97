namespace Uwv.FaultTests.Servers;

/// <summary>
/// RabbitMQ, Redis and PostgreSQL as scripts/servers.sh manages them. Faults are injected only through that script,
/// so the tests need servers it started: a server it merely reuses cannot be stopped or restarted on purpose.
/// </summary>
public sealed class ManagedServers
{
    public static readonly IReadOnlyList<string> Names = ["rabbitmq", "redis", "postgres"];

    private static readonly string Script = Path.Combine(RepoPaths.Root, "scripts", "servers.sh");

    /// <summary>Fails with an explanation unless every server is up and managed by scripts/servers.sh.</summary>
    public static async Task EnsureManagedAsync()
    {
        var status = await Shell.RunAsync(Script, ["status"], TimeSpan.FromSeconds(30));
        var lines = status.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unusable = Names
            .Where(name => !lines.Any(l => l.StartsWith(name + " ", StringComparison.Ordinal)
                && l.Contains(" up ", StringComparison.Ordinal) && l.Contains("managed (pid", StringComparison.Ordinal)))
            .ToList();
        if (unusable.Count > 0)
        {
            throw new InvalidOperationException(
                $"The fault tests stop, restart and flush the servers, so every server must be running and managed by scripts/servers.sh; " +
                $"not so for: {string.Join(", ", unusable)}. scripts/servers.sh status says:\n{status}" +
                "Stop the servers that were started some other way, then run `bash scripts/servers.sh start` (scripts/test.sh does both).");
        }
    }

    public static Task StopAsync(string server) => Run(TimeSpan.FromSeconds(120), "stop-" + server);

    public static Task StartAsync(string server) => Run(TimeSpan.FromSeconds(150), "start-" + server);

    public static Task RestartAsync(string server) => Run(TimeSpan.FromSeconds(240), "restart-" + server);

    /// <summary>rabbitmqctl on the managed node (what an operator runs).</summary>
    public static Task<string> RabbitMqCtlAsync(params string[] arguments) => Run(TimeSpan.FromSeconds(180), ["rabbitmqctl", .. arguments]);

    /// <summary>The services' PostgreSQL roles and RabbitMQ users, with their permissions on the virtual host.</summary>
    public static Task<string> AccountsAsync(string virtualHost) => Run(TimeSpan.FromSeconds(180), "accounts", virtualHost);

    private static Task<string> Run(TimeSpan timeout, params string[] arguments) => Shell.RunAsync(Script, arguments, timeout);
}
