using System.Globalization;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests.Images;

/// <summary>
/// Every process, published exactly as its container image would contain it, starts on loopback with the
/// cluster's settings (Production, an OIDC authority, h2c) and answers its gRPC health check. The image build
/// itself needs the base image from its registry; this runs the same published application without it.
/// </summary>
public sealed class PublishedImageTests(PublishWorkspace workspace) : IClassFixture<PublishWorkspace>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    public static IEnumerable<object[]> Processes() => Platform.Processes.Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(Processes))]
    public async Task PublishedAsItsImage_StartsOnLoopbackAnswersGrpcHealthAndStopsOnSigterm(string process)
    {
        var assembly = Path.GetFileNameWithoutExtension(Platform.ProjectPath(process));
        var folder = workspace.PublishedFolder(process, assembly);
        File.Exists(Path.Combine(folder, "platform.json")).ShouldBeTrue("the image carries the platform's shared settings");
        var grpcPort = FreePort.Next();
        var httpPort = process == Platform.Gateway ? FreePort.Next() : grpcPort;

        using var running = PublishedProcess.Start(folder, assembly, Arguments(process, grpcPort, httpPort), new Dictionary<string, string>
        {
            // What the cluster's ConfigMap sets, minus the data servers (SQLite and in-memory stand in here).
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__EnableDevIssuer"] = "false",
            ["Auth__Authority"] = "https://login.example.com/realms/uwv",
            ["Data__Directory"] = Path.Combine(workspace.Root, "data", process),
        });

        var status = await WaitForHealth(running, grpcPort);
        status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving, running.Log);
        if (process == Platform.Gateway)
        {
            using var http = new HttpClient();
            var healthz = await http.GetAsync(new Uri($"http://127.0.0.1:{httpPort}/healthz"));
            healthz.IsSuccessStatusCode.ShouldBeTrue($"/healthz over HTTP/1.1: {healthz.StatusCode}");
        }
        var exitCode = await running.StopAsync(TimeSpan.FromSeconds(25));
        exitCode.ShouldBe(0, $"a stop on SIGTERM must be clean:\n{running.Log}");
    }

    /// <summary>
    /// The probes ask whether the process serves. A broker outage concerns every replica at once: were it part of the
    /// probes, the cluster would take every pod out of its Service (readiness) and restart it (liveness), although the
    /// handover's commands keep working during the outage (their events wait in the outbox). /healthz shows it.
    /// </summary>
    [Fact]
    public async Task PublishedAsItsImage_WithItsBrokerUnreachable_StillAnswersServingToTheProbes_WhileHealthzReportsIt()
    {
        const string process = "handover";
        var assembly = Path.GetFileNameWithoutExtension(Platform.ProjectPath(process));
        var port = FreePort.Next();
        using var running = PublishedProcess.Start(workspace.PublishedFolder(process, assembly), assembly, Arguments(process, port, port),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Auth__EnableDevIssuer"] = "false",
                ["Auth__Authority"] = "https://login.example.com/realms/uwv",
                ["Data__Directory"] = Path.Combine(workspace.Root, "data", process + "-no-broker"),
                ["Bus__Transport"] = "RabbitMq",
                ["ConnectionStrings__rabbitmq"] = $"amqp://guest:guest@127.0.0.1:{FreePort.Next()}/",
            });

        (await WaitForHealth(running, port)).ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving, running.Log);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}/healthz"))
        {
            Version = System.Net.HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var healthz = await http.SendAsync(request);
        healthz.StatusCode.ShouldBe(System.Net.HttpStatusCode.ServiceUnavailable, "/healthz reports every dependency, the broker included");
        (await WaitForHealth(running, port)).ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving, running.Log);
        (await running.StopAsync(TimeSpan.FromSeconds(25))).ShouldBe(0, running.Log);
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void PublishedAsItsImage_CarriesNoSigningKey(string process)
    {
        var assembly = Path.GetFileNameWithoutExtension(Platform.ProjectPath(process));
        var folder = workspace.PublishedFolder(process, assembly);

        Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("DevSigningKey", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFileName)
            .ShouldBeEmpty("the development issuer's key is made at start-up in Development, never shipped");
    }

    /// <summary>Outside Development, a process that names no OIDC authority would trust a development key: it refuses to start.</summary>
    [Fact]
    public async Task PublishedAsItsImage_InProductionWithoutAuthority_RefusesToStart()
    {
        const string process = "smz";
        var assembly = Path.GetFileNameWithoutExtension(Platform.ProjectPath(process));
        var port = FreePort.Next();
        using var running = PublishedProcess.Start(workspace.PublishedFolder(process, assembly), assembly, Arguments(process, port, port),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Data__Directory"] = Path.Combine(workspace.Root, "data", process + "-no-authority"),
            });

        var exitCode = await running.WaitForExitAsync(StartTimeout);

        exitCode.ShouldNotBeNull($"the process must end by itself:\n{running.Log}");
        exitCode.ShouldNotBe(0);
        running.Log.ShouldContain("Auth:Authority is not set");
    }

    [Theory]
    [MemberData(nameof(Processes))]
    public void PublishedAsItsImage_ThreadPoolBlocksIdleWorkersInsteadOfSpinning(string process)
    {
        var properties = RuntimeProperties(process);
        properties.TryGetProperty("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", out var spinLimit)
            .ShouldBeTrue("every process shares the cores with the others; spin-waiting workers burn them (decision 0015)");
        spinLimit.GetInt32().ShouldBe(0);
    }

    /// <summary>
    /// Dynamic PGO is off in the handover service only: there it cost memory for no measured gain, while the read path
    /// (gateway, klantbeeld) served more reads with it (decision 0041).
    /// </summary>
    [Theory]
    [MemberData(nameof(Processes))]
    public void PublishedAsItsImage_OnlyTheHandoverRunsWithoutDynamicPgo(string process)
    {
        var properties = RuntimeProperties(process);
        var pgo = !properties.TryGetProperty("System.Runtime.TieredPGO", out var setting) || setting.GetBoolean();
        pgo.ShouldBe(process != "handover", "decision 0041");
    }

    /// <summary>The runtime settings the published process starts with (its runtimeconfig.json).</summary>
    private System.Text.Json.JsonElement RuntimeProperties(string process)
    {
        var assembly = Path.GetFileNameWithoutExtension(Platform.ProjectPath(process));
        var runtimeConfig = Path.Combine(workspace.PublishedFolder(process, assembly), assembly + ".runtimeconfig.json");
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(runtimeConfig));
        return json.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }

    /// <summary>The listen settings the manifests give each process (k8s/base/*/deployment.yaml), on loopback ports.</summary>
    private static IEnumerable<string> Arguments(string process, int grpcPort, int httpPort)
    {
        string Url(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        if (process == Platform.Gateway)
        {
            return
            [
                "--urls", Url(httpPort),
                $"--Kestrel:Endpoints:Http:Url={Url(httpPort)}", "--Kestrel:Endpoints:Http:Protocols=Http1",
                $"--Kestrel:Endpoints:Grpc:Url={Url(grpcPort)}", "--Kestrel:Endpoints:Grpc:Protocols=Http2",
            ];
        }
        return ["--urls", Url(grpcPort), "--Kestrel:EndpointDefaults:Protocols=Http2"];
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> WaitForHealth(PublishedProcess running, int port)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
        var client = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            running.HasExited.ShouldBeFalse($"the process ended before it answered:\n{running.Log}");
            try
            {
                var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(5));
                return response.Status;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
            catch (RpcException ex)
            {
                throw new ShouldAssertException($"grpc.health.v1.Health/Check failed with {ex.Status}; the process said:\n{running.Log}", ex);
            }
        }
    }
}
