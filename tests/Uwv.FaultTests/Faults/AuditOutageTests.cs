using System.Net;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.FaultTests.Servers;
using Uwv.ServiceDefaults.Auth;
using Xunit.Abstractions;

namespace Uwv.FaultTests.Faults;

/// <summary>
/// The klantbeeld service (the client register and the audit store) as its own process on the managed RabbitMQ and
/// PostgreSQL, with a virtual host and databases of its own. It needs no other service, so it starts in seconds.
/// </summary>
public sealed class AuditOutageFixture : IAsyncLifetime
{
    public string RunId { get; } = "auditout" + DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Random.Shared.Next(100, 999);
    public string Postgres { get; } = Environment.GetEnvironmentVariable("UWV_POSTGRES") ?? throw new InvalidOperationException("UWV_POSTGRES is not set (scripts/servers.sh env)");
    public PlatformClient Client { get; private set; } = null!;
    private ServiceProcess _klantbeeld = null!;

    public async Task InitializeAsync()
    {
        await ManagedServers.EnsureManagedAsync();
        var rabbitMq = new UriBuilder(Environment.GetEnvironmentVariable("UWV_RABBITMQ") ?? throw new InvalidOperationException("UWV_RABBITMQ is not set")) { Path = "/" + RunId }.Uri.ToString();
        await ManagedServers.RabbitMqCtlAsync("add_vhost", RunId);
        await ManagedServers.RabbitMqCtlAsync("set_permissions", "-p", RunId, "guest", ".*", ".*", ".*");
        var address = new Uri($"http://127.0.0.1:{LoopbackPorts.Free()}");
        // One development key for this process and the test's tokens, made for this run: no key ships in a file.
        var auth = PlatformSettings.Auth();
        auth.DevSigningKey = AuthExtensions.NewDevSigningKey();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Auth__EnableDevIssuer"] = "true",
            ["Auth__DevSigningKey"] = auth.DevSigningKey,
            ["Services__klantbeeld"] = address.ToString().TrimEnd('/'),
            ["Database__Provider"] = "Postgres",
            ["Database__NamePrefix"] = RunId + "_",
            ["ConnectionStrings__postgres"] = Postgres,
            ["Bus__Transport"] = "RabbitMq",
            ["ConnectionStrings__rabbitmq"] = rabbitMq,
            ["KlantbeeldStore__Provider"] = "InMemory",
            ["Outbox__PollInterval"] = "00:00:00.200",
            ["Logging__LogLevel__MassTransit"] = "Debug",
            ["Logging__LogLevel__MassTransit.Messages"] = "Information",
        };
        _klantbeeld = new ServiceProcess("klantbeeld", ProcessPlatform.Projects["klantbeeld"], Path.Combine(RepoPaths.Root, "artifacts", "e2e-logs", RunId));
        _klantbeeld.Start(environment);
        await WaitHealthyAsync(address);
        Client = new PlatformClient(address, address, new DevTokenIssuer(Options.Create(auth), TimeProvider.System));
    }

    public async Task<long> CountAsync(string database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection($"{Postgres};Database={RunId}_{database};Pooling=false;Timeout=5");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a statement on the server's maintenance database (for outages of this run's own databases).</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection($"{Postgres};Database=postgres;Pooling=false;Timeout=5");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task WaitHealthyAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (!_klantbeeld.IsRunning)
            {
                throw new InvalidOperationException($"klantbeeld exited during start; see artifacts/e2e-logs/{RunId}/klantbeeld.log");
            }
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, "/healthz"))
                {
                    Version = HttpVersion.Version20,
                    VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                };
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"klantbeeld did not become healthy; see artifacts/e2e-logs/{RunId}/klantbeeld.log");
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        _klantbeeld?.Dispose();
        await ManagedServers.RabbitMqCtlAsync("delete_vhost", RunId);
        if (Environment.GetEnvironmentVariable("UWV_KEEP_DATABASES") != "1")
        {
            await using var connection = new NpgsqlConnection($"{Postgres};Database=postgres;Pooling=false");
            await connection.OpenAsync();
            foreach (var database in new[] { "klantbeeld", "audit" })
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{RunId}_{database}\" WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
    }
}

/// <summary>
/// The broker becomes unreachable while a write and a read are made: the write commits with its audit record in the
/// outbox, and the record reaches the audit store once the broker is back; the read needs only the audit store, which
/// this process holds (decision 0034). The audit store becomes unreachable: a read returns no data. Each outage is
/// this test's own: its virtual host refuses connections (limit 0), or its audit database does, and the open
/// connections are closed, so the shared servers keep running for everyone else.
/// </summary>
public sealed class AuditOutageTests(AuditOutageFixture platform, ITestOutputHelper output) : IClassFixture<AuditOutageFixture>
{
    private const string Arts = "verzekeringsarts.arnhem-noord";

    [Fact]
    public async Task BrokerUnreachableDuringAWrite_TheWriteCommitsWithItsAuditRecord_WhichArrivesAfterwards_AndAReadIsRecordedWithoutIt()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Storing Cliënt", DateOfBirth = "1979-09-09", Postcode = TestData.NoordPostcode,
        }, c.As(Arts));
        var clientId = Guid.Parse(registered.ClientId);

        await CutOffAsync();
        try
        {
            var moved = await c.Klantbeeld.MoveClientAsync(new MoveClientRequest { ClientId = registered.ClientId, NewPostcode = "6831 AB" }, c.As(Arts));
            moved.NewAreaTeam.ShouldBe("arnhem-zuid");
            output.WriteLine("the move committed while the broker was unreachable");
            (await UnsentMoveRecordsAsync(clientId)).ShouldBe(1, "the move's audit record waits in the outbox");

            // The client moved: the new team's arts reads it.
            var read = await c.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = registered.ClientId }, c.As("verzekeringsarts.arnhem-zuid"));
            read.Client.AreaTeam.ShouldBe("arnhem-zuid");
            (await StoredRecordsAsync(clientId, "GetClient")).ShouldBe(1, "the read's record was committed in the audit store before it answered");
        }
        finally
        {
            await HealAsync();
        }

        var stored = await Eventually.Until(
            () => platform.CountAsync("audit",
                "select count(*) from audit_entries where \"ClientId\" = @client and \"Method\" = 'MoveClient' and \"Outcome\" = 'allowed'",
                ("client", clientId)),
            n => n > 0, timeout: TimeSpan.FromSeconds(120), what: "the move's audit record in the audit store");
        stored.ShouldBe(1);
    }

    [Fact]
    public async Task AuditStoreUnreachable_AReadIsUnavailable_AndReturnsNoData_UntilTheStoreIsBack()
    {
        var c = platform.Client;
        var registered = await c.Klantbeeld.RegisterClientAsync(new RegisterClientRequest
        {
            Bsn = TestData.NewBsn(), Name = "Opslag Weg", DateOfBirth = "1982-02-02", Postcode = TestData.NoordPostcode,
        }, c.As(Arts));
        var read = () => c.Klantbeeld.GetClientAsync(new GetClientRequest { ClientId = registered.ClientId }, c.As(Arts)).ResponseAsync;

        await SetAuditDatabaseReachableAsync(false);
        try
        {
            var refused = await Should.ThrowAsync<RpcException>(read);
            refused.StatusCode.ShouldBe(StatusCode.Unavailable);
            refused.Status.Detail.ShouldNotContain(TestData.NoordPostcode.Replace(" ", "", StringComparison.Ordinal));
        }
        finally
        {
            await SetAuditDatabaseReachableAsync(true);
        }

        var served = await Eventually.Until(read, r => r.Client is not null, timeout: TimeSpan.FromSeconds(60), what: "a read once the audit store is back");
        served.Client.AreaTeam.ShouldBe("arnhem-noord");
        (await StoredRecordsAsync(Guid.Parse(registered.ClientId), "GetClient")).ShouldBe(1, "only the read that was served is recorded as allowed");
    }

    /// <summary>The test's own audit database refuses new connections and its open ones are closed, or it accepts them again.</summary>
    private async Task SetAuditDatabaseReachableAsync(bool reachable)
    {
        var database = $"{platform.RunId}_audit";
        await platform.ExecuteAsync($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS {(reachable ? "true" : "false")}");
        if (!reachable)
        {
            await platform.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        }
        output.WriteLine(reachable ? "the audit database accepts connections again" : "the audit database refuses connections");
    }

    private Task<long> StoredRecordsAsync(Guid clientId, string method) =>
        platform.CountAsync("audit",
            "select count(*) from audit_entries where \"ClientId\" = @client and \"Method\" = @method and \"Outcome\" = 'allowed'",
            ("client", clientId), ("method", method));

    /// <summary>No new connection to the test's virtual host, and the open ones closed: the broker is gone for this test.</summary>
    private async Task CutOffAsync()
    {
        await ManagedServers.RabbitMqCtlAsync("set_vhost_limits", "-p", platform.RunId, "{\"max-connections\": 0}");
        await ManagedServers.RabbitMqCtlAsync("close_all_connections", "-p", platform.RunId, "--limit", "1000", "audit outage test");
        output.WriteLine("the virtual host refuses connections");
    }

    private async Task HealAsync()
    {
        await ManagedServers.RabbitMqCtlAsync("clear_vhost_limits", "-p", platform.RunId);
        output.WriteLine("the virtual host accepts connections again");
    }

    private Task<long> UnsentMoveRecordsAsync(Guid clientId) =>
        platform.CountAsync("klantbeeld",
            "select count(*) from outbox_messages where \"SentAt\" is null and \"MessageType\" = 'PersonalDataAccessedBatch' " +
            "and \"Payload\" like '%\"method\":\"MoveClient\"%' and \"Payload\" like @client",
            ("client", $"%{clientId}%"));
}
