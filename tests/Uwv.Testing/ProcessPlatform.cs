using System.Net;
using Npgsql;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Testing;

/// <summary>
/// The platform as separate processes (one per service and the gateway) on real RabbitMQ, Redis and PostgreSQL,
/// each run with databases of its own. Used by the end-to-end tests and the load benchmarks. Every service logs in with
/// its own accounts (<see cref="ServiceAccounts"/>); the gateway gets no database or broker login at all.
/// </summary>
public sealed class ProcessPlatform : IDisposable
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
    private readonly Dictionary<string, Uri> _addresses = [];
    private readonly Dictionary<string, string> _serviceOf = [];
    private readonly string _rabbitMq;

    /// <param name="rabbitMq">The broker (and virtual host) with an administrator's login; each service gets its own user.</param>
    /// <param name="postgres">The PostgreSQL server with the superuser's login, which creates the run's databases.</param>
    /// <param name="instances">How many processes run a service (one unless given): the first is named after the service,
    /// the others <c>{service}-2</c>, ...; the others see all of them in Services:{service}, as a list.</param>
    public ProcessPlatform(
        string runId, string rabbitMq, string redis, string postgres, IReadOnlyDictionary<string, string>? settings = null,
        IReadOnlyDictionary<string, int>? instances = null)
    {
        RunId = runId;
        Postgres = postgres;
        _rabbitMq = rabbitMq;
        foreach (var service in Projects.Keys.Append("gateway-grpc"))
        {
            var names = Enumerable.Range(1, instances?.GetValueOrDefault(service) is > 1 and var n ? n : 1)
                .Select(i => i == 1 ? service : $"{service}-{i}").ToList();
            foreach (var name in names)
            {
                _addresses[name] = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
                _serviceOf[name] = service;
            }
            _environment[$"Services__{service}"] = string.Join(",", names.Select(n => _addresses[n].OriginalString));
        }
        _environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _environment["Database__Provider"] = "Postgres";
        _environment["Database__NamePrefix"] = runId + "_";
        _environment["Bus__Transport"] = "RabbitMq";
        _environment["KlantbeeldStore__Provider"] = "Redis";
        _environment["ConnectionStrings__redis"] = redis;
        _environment["Outbox__PollInterval"] = "00:00:00.200";
        // One development key for the run's processes and its tokens, made for this run: no key ships in a file.
        _environment["Auth__EnableDevIssuer"] = "true";
        _environment["Auth__DevSigningKey"] = AuthExtensions.NewDevSigningKey();
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
        foreach (var (name, service) in _serviceOf.Where(p => Projects.ContainsKey(p.Value)))
        {
            _processes[name] = new ServiceProcess(name, Projects[service], LogDirectory);
        }
    }

    public string RunId { get; }
    public string Postgres { get; }
    public string LogDirectory => Path.Combine(RepoPaths.Root, "artifacts", "e2e-logs", RunId);
    /// <summary>The address of a service (its first instance) or of one instance by its process name.</summary>
    public Uri Address(string service) => _addresses[service];

    /// <summary>The process names of a service's instances.</summary>
    public IReadOnlyList<string> Instances(string service) => _serviceOf.Where(p => p.Value == service).Select(p => p.Key).ToList();
    public ServiceProcess Process(string service) => _processes[service];

    /// <summary>The token settings of the run's processes, for a <see cref="DevTokenIssuer"/> of the tests.</summary>
    public AuthOptions Auth
    {
        get
        {
            var auth = PlatformSettings.Auth();
            auth.DevSigningKey = _environment["Auth__DevSigningKey"];
            return auth;
        }
    }

    /// <summary>Connection string of a service's own database on the PostgreSQL server (as the superuser).</summary>
    public string DatabaseOf(string service) => $"{Postgres};Database={RunId}_{service}";

    /// <summary>The settings one process starts with: the shared ones and its own logins.</summary>
    public Dictionary<string, string> EnvironmentOf(string instance)
    {
        var service = _serviceOf[instance];
        var environment = new Dictionary<string, string>(_environment);
        // An instance listens on its own address; the others reach all of them through the list.
        environment[$"Services__{service}"] = _addresses[instance].OriginalString;
        if (!ServiceAccounts.Services.Contains(service))
        {
            return environment;
        }
        environment["ConnectionStrings__postgres"] = ServiceAccounts.PostgresLogin(Postgres, ServiceAccounts.PostgresRole(service));
        environment["ConnectionStrings__rabbitmq"] = ServiceAccounts.RabbitMqLogin(_rabbitMq, service);
        if (service == "klantbeeld")
        {
            var audit = $"{RunId}_{PlatformDatabases.Audit}";
            environment["ConnectionStrings__audit"] = ServiceAccounts.PostgresLogin(Postgres, ServiceAccounts.AuditWriter, audit);
            environment["ConnectionStrings__auditOwner"] = ServiceAccounts.PostgresLogin(Postgres, ServiceAccounts.AuditOwner, audit);
            environment["ConnectionStrings__AuditRetention"] = ServiceAccounts.PostgresLogin(Postgres, ServiceAccounts.AuditRetention, audit);
        }
        return environment;
    }

    /// <summary>Starts every instance of the given services (all of them unless given).</summary>
    public async Task StartAsync(IReadOnlyCollection<string>? only = null)
    {
        PlatformDatabases.Create(Postgres, RunId + "_");
        var names = _processes.Keys.Where(n => only is null || only.Contains(_serviceOf[n])).ToList();
        foreach (var name in names)
        {
            _processes[name].Start(EnvironmentOf(name));
        }
        await Task.WhenAll(names.Select(WaitHealthyAsync));
    }

    /// <summary>Stops one instance as Kubernetes does when it scales in: SIGTERM, then it drains and exits.</summary>
    public Task StopGracefullyAsync(string instance) => _processes[instance].TerminateAsync();

    /// <summary>Kills a service (as a crash would) and starts it again, optionally with extra settings.</summary>
    public async Task RestartAsync(string service, IReadOnlyDictionary<string, string>? extra = null)
    {
        _processes[service].Kill();
        var environment = EnvironmentOf(service);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        _processes[service].Start(environment);
        await WaitHealthyAsync(service);
    }

    /// <summary>
    /// Stops every process and drops the run's databases, so repeated runs do not fill the server; set
    /// UWV_KEEP_DATABASES=1 to keep them for a post-mortem (the logs are always kept).
    /// </summary>
    public void Dispose()
    {
        foreach (var process in _processes.Values)
        {
            process.Dispose();
        }
        if (Environment.GetEnvironmentVariable("UWV_KEEP_DATABASES") != "1")
        {
            DropDatabases();
        }
    }

    private void DropDatabases()
    {
        var prefix = RunId + "_";
        using var connection = new NpgsqlConnection($"{Postgres};Database=postgres");
        connection.Open();
        var names = new List<string>();
        using (var list = new NpgsqlCommand("SELECT datname FROM pg_database WHERE left(datname, length(@prefix)) = @prefix", connection))
        {
            list.Parameters.AddWithValue("prefix", prefix);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var name in names)
        {
            // The name comes from the server's own catalogue and starts with this run's id; quoted as an identifier.
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    private async Task WaitHealthyAsync(string service)
    {
        var address = Address(service);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // A guard against a process that never comes up, not a budget: seven processes starting at once on two shared
        // cores took more than 90 s to listen.
        var deadline = DateTime.UtcNow.AddSeconds(180);
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
                    Version = _serviceOf[service] == "gateway" ? HttpVersion.Version11 : HttpVersion.Version20,
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
}
