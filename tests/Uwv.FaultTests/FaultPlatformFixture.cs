using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Uwv.FaultTests.Servers;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.FaultTests;

/// <summary>
/// The platform as separate processes on the managed RabbitMQ, Redis and PostgreSQL, isolated from any other run on the
/// same servers: its own databases (prefix <see cref="RunId"/>), its own RabbitMQ virtual host and its own Redis
/// database, so a fault test's rebuilds, flushes and error queues concern only this run.
/// </summary>
public sealed class FaultPlatformFixture : IAsyncLifetime
{
    /// <summary>The services with a database, an outbox and consumers (every process but the gateway).</summary>
    public static readonly IReadOnlyList<string> Services = ["klantbeeld", "smz", "werkbedrijf", "uitkeren", "bezwaarberoep", "handover"];

    /// <summary>
    /// Settings of every process of this run: the SLA sweeper looks every second instead of every 30; MassTransit logs
    /// its connection and endpoint life cycle (Debug), so a consumer that does not come back after a fault can be
    /// understood from the logs, but not every message it sends and receives.
    /// </summary>
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Handover__SweepInterval"] = "00:00:01",
        ["Logging__LogLevel__MassTransit"] = "Debug",
        ["Logging__LogLevel__MassTransit.Messages"] = "Information",
    };

    public string RunId { get; } = "fault" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
    public string Postgres { get; } = Required("UWV_POSTGRES");
    public string Redis { get; } = Required("UWV_REDIS");
    public int RedisDatabase { get; } = Random.Shared.Next(1, 16);
    public string RabbitMq { get; private set; } = "";
    public string VirtualHost => RunId;
    public ProcessPlatform Platform { get; private set; } = null!;
    public PlatformClient Client { get; private set; } = null!;
    public ServiceDatabases Databases { get; private set; } = null!;
    public RabbitMqProbe Broker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ManagedServers.EnsureManagedAsync();
        RabbitMq = new UriBuilder(Required("UWV_RABBITMQ")) { Path = "/" + VirtualHost }.Uri.ToString();
        await ManagedServers.RabbitMqCtlAsync("add_vhost", VirtualHost);
        await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", VirtualHost, "guest", ".*", ".*", ".*");
        await ManagedServers.AccountsAsync(VirtualHost);
        await FlushRedisAsync();
        Platform = new ProcessPlatform(RunId, RabbitMq, $"{Redis},defaultDatabase={RedisDatabase}", Postgres, Settings);
        await Platform.StartAsync();
        var issuer = new DevTokenIssuer(Options.Create(Platform.Auth), TimeProvider.System);
        Client = new PlatformClient(Platform.Address("gateway-grpc"), Platform.Address("gateway"), issuer);
        Databases = new ServiceDatabases(Platform);
        Broker = new RabbitMqProbe(RabbitMq, VirtualHost);
    }

    /// <summary>Kills a service (as a crash would) and starts it again, optionally with extra settings.</summary>
    public Task RestartAsync(string service, IReadOnlyDictionary<string, string>? extra = null) => Platform.RestartAsync(service, extra);

    /// <summary>Restarts every service but the gateway at once, all with the same extra settings.</summary>
    public Task RestartAllAsync(IReadOnlyDictionary<string, string>? extra = null) =>
        Task.WhenAll(Services.Select(s => Platform.RestartAsync(s, extra)));

    /// <summary>Empties this run's Redis database: every picture and worklist is gone, as after a Redis data loss.</summary>
    public async Task FlushRedisAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{Redis},allowAdmin=true");
        foreach (var endpoint in redis.GetEndPoints())
        {
            await redis.GetServer(endpoint).FlushDatabaseAsync(RedisDatabase);
        }
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        Platform?.Dispose();
        // The run's queues (and any message left in them) go with its virtual host; its Redis database is emptied.
        if (RabbitMq.Length > 0)
        {
            await ManagedServers.RabbitMqCtlAsync("delete_vhost", VirtualHost);
            await FlushRedisAsync();
        }
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException(
            $"{variable} is not set: run the fault tests through scripts/test.sh, or `bash scripts/servers.sh start` and " +
            "`eval \"$(bash scripts/servers.sh env)\"; export UWV_RABBITMQ UWV_REDIS UWV_POSTGRES` first.");
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultPlatformFixture>
{
    public const string Name = "fault tests on real servers";
}
