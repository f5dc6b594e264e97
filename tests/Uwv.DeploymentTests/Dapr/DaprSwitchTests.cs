using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.DeploymentTests.Infrastructure;
using Uwv.ServiceDefaults;
using Uwv.ServiceDefaults.Dapr;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.DeploymentTests.Dapr;

/// <summary>
/// With a sidecar (DAPR_GRPC_PORT set) service-to-service gRPC goes through it, addressed by app id, and secrets
/// come from its secret store; without one, calls go straight to Services:{name} and configuration stands.
/// </summary>
public sealed class DaprSwitchTests
{
    private const string Token = "Bearer employee-token";

    [Fact]
    public async Task WithSidecar_ServiceClientCallsGoToTheSidecarCarryingTheTargetAppId()
    {
        await using var sidecar = await FakeSidecar.StartAsync();
        await using var klantbeeld = await FakeSidecar.StartAsync();

        var response = await CallKlantbeeld(new() { ["DAPR_GRPC_PORT"] = sidecar.Port.ToString(CultureInfo.InvariantCulture), ["Services:klantbeeld"] = klantbeeld.Address.ToString() });

        response.Client.ClientId.ShouldBe("c-1");
        var call = sidecar.Calls.ShouldHaveSingleItem();
        call.Method.ShouldBe("/uwv.klantbeeld.v1.KlantbeeldService/GetClient");
        call.DaprAppId.ShouldBe("klantbeeld");
        call.Authorization.ShouldBe(Token);
        klantbeeld.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithoutSidecar_ServiceClientCallsTheServiceDirectly()
    {
        await using var sidecar = await FakeSidecar.StartAsync();
        await using var klantbeeld = await FakeSidecar.StartAsync();

        var response = await CallKlantbeeld(new() { ["Services:klantbeeld"] = klantbeeld.Address.ToString() });

        response.Client.ClientId.ShouldBe("c-1");
        var call = klantbeeld.Calls.ShouldHaveSingleItem();
        call.DaprAppId.ShouldBeNull();
        call.Authorization.ShouldBe(Token);
        sidecar.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithSidecar_ServiceDefaultsReadConnectionStringsFromTheDaprSecretStore()
    {
        var secrets = new Dictionary<string, Dictionary<string, string>>
        {
            ["uwv-platform-secrets"] = new()
            {
                ["ConnectionStrings__postgres"] = "Host=pg.cluster;Username=uwv;Password=from-store",
                ["ConnectionStrings__redis"] = "redis.cluster:6379,password=from-store",
            },
        };
        await using var sidecar = await FakeSidecar.StartAsync(secrets);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            Args = [$"--DAPR_GRPC_PORT={sidecar.Port}", "--ConnectionStrings:postgres=Host=127.0.0.1"],
        });

        builder.AddServiceDefaults("smz");

        builder.Configuration.GetConnectionString("postgres").ShouldBe("Host=pg.cluster;Username=uwv;Password=from-store");
        builder.Configuration.GetConnectionString("redis").ShouldBe("redis.cluster:6379,password=from-store");
        sidecar.Calls.ShouldHaveSingleItem().Method.ShouldBe("/dapr.proto.runtime.v1.Dapr/GetBulkSecret uwv-secrets");
    }

    [Fact]
    public async Task WithSidecarAndAnOwnSecret_ServiceDefaultsReadOnlyThatSecret()
    {
        var secrets = new Dictionary<string, Dictionary<string, string>>
        {
            ["uwv-smz-secrets"] = new() { ["ConnectionStrings__postgres"] = "Host=pg.cluster;Username=uwv_smz;Password=from-store" },
            ["uwv-klantbeeld-secrets"] = new() { ["ConnectionStrings__audit"] = "Host=pg.cluster;Username=uwv_audit_writer" },
        };
        await using var sidecar = await FakeSidecar.StartAsync(secrets);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Development",
            Args = [$"--DAPR_GRPC_PORT={sidecar.Port}", "--Dapr:Secret=uwv-smz-secrets"],
        });

        builder.AddServiceDefaults("smz");

        builder.Configuration.GetConnectionString("postgres").ShouldBe("Host=pg.cluster;Username=uwv_smz;Password=from-store");
        builder.Configuration.GetConnectionString("audit").ShouldBeNull();
        sidecar.Calls.ShouldHaveSingleItem().Method.ShouldBe("/dapr.proto.runtime.v1.Dapr/GetSecret uwv-secrets uwv-smz-secrets");
    }

    [Fact]
    public void WithSidecarUnreachable_StartFailsNamingTheSecretStoreRatherThanRunningWithoutSecrets()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Dapr:SecretStoreTimeoutSeconds"] = "1",
        });

        var failure = Should.Throw<InvalidOperationException>(() => configuration.AddDaprSecretStore());

        failure.Message.ShouldContain("'uwv-secrets'");
    }

    [Fact]
    public void WithoutSidecar_ConfigurationStandsAndNoSecretStoreIsAdded()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:postgres"] = "Host=127.0.0.1" });

        configuration.AddDaprSecretStore();

        ((IConfigurationBuilder)configuration).Sources.OfType<DaprSecretStoreSource>().ShouldBeEmpty();
        configuration.GetConnectionString("postgres").ShouldBe("Host=127.0.0.1");
    }

    private static async Task<GetClientResponse> CallKlantbeeld(Dictionary<string, string?> settings)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHttpContextAccessor();
        builder.AddServiceClient<KlantbeeldService.KlantbeeldServiceClient>("klantbeeld");
        using var host = builder.Build();
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = Token;
        host.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        var client = host.Services.GetRequiredService<KlantbeeldService.KlantbeeldServiceClient>();
        return await client.GetClientAsync(new GetClientRequest { ClientId = "c-1" }, deadline: DateTime.UtcNow.AddSeconds(10));
    }
}
