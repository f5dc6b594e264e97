using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Uwv.ServiceDefaults.Auth;
using Uwv.Testing;

namespace Uwv.EndToEndTests;

/// <summary>
/// The platform as separate processes on the real RabbitMQ, Redis and PostgreSQL that the test command started
/// (their addresses come in UWV_RABBITMQ, UWV_REDIS and UWV_POSTGRES). Each run has its own databases.
/// </summary>
public sealed class RealPlatformFixture : IAsyncLifetime
{
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["klantbeeld"] = "services/Klantbeeld/Uwv.Klantbeeld",
        ["smz"] = "services/Smz/Uwv.Smz",
        ["werkbedrijf"] = "services/Werkbedrijf/Uwv.Werkbedrijf",
        ["uitkeren"] = "services/Uitkeren/Uwv.Uitkeren",
        ["bezwaarberoep"] = "services/BezwaarBeroep/Uwv.BezwaarBeroep",
        ["handover"] = "services/Handover/Uwv.Handover",
        ["gateway"] = "gateway/Uwv.Gateway/Uwv.Gateway",
    };

    private readonly Dictionary<string, ServiceProcess> _processes = [];
    private readonly Dictionary<string, string> _environment = [];

    public string RunId { get; } = "e2e" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
    public string RabbitMq { get; } = Required("UWV_RABBITMQ");
    public string Redis { get; } = Required("UWV_REDIS");
    public string Postgres { get; } = Required("UWV_POSTGRES");
    public string LogDirectory => Path.Combine(RepoPaths.Root, "artifacts", "e2e-logs", RunId);
    public PlatformClient Client { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Addresses => _environment
        .Where(e => e.Key.StartsWith("Services__", StringComparison.Ordinal))
        .ToDictionary(e => e.Key["Services__".Length..], e => e.Value);

    public string DatabaseOf(string service) => $"{Postgres};Database={RunId}_{service}";

    public async Task InitializeAsync()
    {
        foreach (var service in Projects.Keys.Append("gateway-grpc"))
        {
            _environment[$"Services__{service}"] = $"http://127.0.0.1:{FreePort()}";
        }
        _environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _environment["Database__Provider"] = "Postgres";
        _environment["Database__NamePrefix"] = RunId + "_";
        _environment["ConnectionStrings__postgres"] = Postgres;
        _environment["Bus__Transport"] = "RabbitMq";
        _environment["ConnectionStrings__rabbitmq"] = RabbitMq;
        _environment["KlantbeeldStore__Provider"] = "Redis";
        _environment["ConnectionStrings__redis"] = Redis;
        _environment["Outbox__PollInterval"] = "00:00:00.200";

        foreach (var (name, project) in Projects)
        {
            _processes[name] = new ServiceProcess(name, project, LogDirectory);
        }
        foreach (var name in Projects.Keys)
        {
            _processes[name].Start(_environment);
        }
        await Task.WhenAll(Projects.Keys.Select(WaitHealthyAsync));

        var issuer = new DevTokenIssuer(Options.Create(PlatformSettings.Auth()), TimeProvider.System);
        Client = new PlatformClient(new Uri(_environment["Services__gateway-grpc"]), new Uri(_environment["Services__gateway"]), issuer);
    }

    /// <summary>Kills a service (as a crash would) and starts it again, optionally with extra settings.</summary>
    public async Task RestartAsync(string service, IReadOnlyDictionary<string, string>? extra = null)
    {
        _processes[service].Kill();
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        _processes[service].Start(environment);
        await WaitHealthyAsync(service);
    }

    public Task DisposeAsync()
    {
        Client?.Dispose();
        foreach (var process in _processes.Values)
        {
            process.Dispose();
        }
        return Task.CompletedTask;
    }

    private async Task WaitHealthyAsync(string service)
    {
        var address = new Uri(_environment[$"Services__{service}"]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (!_processes[service].IsRunning)
            {
                throw new InvalidOperationException($"{service} exited during start; see {LogDirectory}/{service}.log");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/healthz"))
                {
                    Version = service == "gateway" ? HttpVersion.Version11 : HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                };
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"{service} did not become healthy; see {LogDirectory}/{service}.log");
    }

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable)
        ?? throw new InvalidOperationException($"{variable} is not set: run the end-to-end tests through scripts/test.sh, which starts the real servers.");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class RealPlatformCollection : ICollectionFixture<RealPlatformFixture>
{
    public const string Name = "real platform";
}
