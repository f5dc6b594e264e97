using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.Benchmarks.Load;

/// <summary>
/// The floor of measure 5 (bench/Uwv.Benchmarks.Floor): a YARP proxy, a gRPC service that inserts the request in
/// PostgreSQL and publishes its event with the broker's confirm, and a MassTransit consumer on a quorum queue that sets
/// the client's picture key in Redis; three processes, the platform's frameworks and servers, none of its rules. It
/// runs on a RabbitMQ virtual host and a database of its own, so the platform (idle meanwhile) sees none of it, and is
/// driven by the same driver at the same rate, on client ids of its own.
/// </summary>
public sealed class HandoverFloor : IAsyncDisposable
{
    private static readonly string[] Parts = ["proxy", "service", "projector"];
    private readonly Dictionary<string, BenchProcess> _processes;
    private readonly RunVirtualHost _virtualHost;
    private readonly string _postgres;
    private readonly string _database;

    private HandoverFloor(Dictionary<string, BenchProcess> processes, RunVirtualHost virtualHost, string postgres, string database)
    {
        _processes = processes;
        _virtualHost = virtualHost;
        _postgres = postgres;
        _database = database;
    }

    public Uri Address => _processes["proxy"].Address;

    /// <summary>The floor's processes by part, for the CPU figures.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds => Parts.ToDictionary(p => "floor " + p, p => _processes[p].ProcessId);

    public static async Task<HandoverFloor> StartAsync(string broker, string redis, string postgres, string runId)
    {
        var virtualHost = await RunVirtualHost.CreateAsync(broker, runId + "-floor");
        var database = runId + "_floor";
        var processes = new Dictionary<string, BenchProcess>();
        try
        {
            await AdminAsync(postgres, $"CREATE DATABASE \"{database}\"");
            var common = new Dictionary<string, string>
            {
                ["ConnectionStrings__rabbitmq"] = virtualHost.Uri, ["ConnectionStrings__redis"] = redis,
                ["ConnectionStrings__postgres"] = $"{postgres};Database={database}",
            };
            processes["service"] = await BenchProcess.StartAsync("Uwv.Benchmarks.Floor", new Dictionary<string, string>(common) { ["Floor__Role"] = "service" });
            processes["projector"] = await BenchProcess.StartAsync("Uwv.Benchmarks.Floor", new Dictionary<string, string>(common) { ["Floor__Role"] = "projector" });
            processes["proxy"] = await BenchProcess.StartAsync("Uwv.Benchmarks.Floor", new Dictionary<string, string>
            {
                ["Floor__Role"] = "proxy", ["Floor__Service"] = processes["service"].Address.ToString(),
            });
            return new HandoverFloor(processes, virtualHost, postgres, database);
        }
        catch
        {
            foreach (var process in processes.Values)
            {
                process.Dispose();
            }
            await AdminAsync(postgres, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            await virtualHost.DisposeAsync();
            throw;
        }
    }

    /// <summary>New client ids with a dossier id each: the floor checks neither.</summary>
    public static List<(Guid Client, string Dossier)> Targets(int count) =>
        Enumerable.Range(0, count).Select(_ => (Guid.NewGuid(), Guid.NewGuid().ToString())).ToList();

    /// <summary>A client of the floor's driver, with a token from the run's issuer that the floor does not read.</summary>
    public PlatformClient Client(ProcessPlatform platform) =>
        new(Address, Address, new DevTokenIssuer(Options.Create(platform.Auth), TimeProvider.System));

    /// <summary>Removes the picture keys the floor's projector set, so no key of the platform's prefix holds a non-picture.</summary>
    public static async Task ForgetAsync(string redis, IEnumerable<(Guid Client, string Dossier)> targets)
    {
        await using var mux = await ConnectionMultiplexer.ConnectAsync(redis);
        foreach (var chunk in targets.Chunk(500))
        {
            await mux.GetDatabase().KeyDeleteAsync([.. chunk.Select(t => (RedisKey)("klantbeeld:" + t.Client.ToString("N")))]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes.Values)
        {
            process.Dispose();
        }
        await AdminAsync(_postgres, $"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
        await _virtualHost.DisposeAsync();
    }

    private static async Task AdminAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection($"{postgres};Database=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
