using System.Globalization;
using Uwv.DeploymentTests.Infrastructure;

namespace Uwv.DeploymentTests;

/// <summary>tye.yaml is complete and true: every process, its project, its ports, the external servers.</summary>
public sealed class TyeTests
{
    [Fact]
    public void Tye_ListsEveryProcessWithItsProjectAndThePlatformPorts()
    {
        var problems = new Problems();
        Tye.Services.Where(s => s["external"]?.GetValue<bool>() != true).Select(s => s["name"]!.ToString())
            .ShouldBe(Platform.Processes, ignoreOrder: true);
        foreach (var process in Platform.Processes)
        {
            var service = Tye.Service(process);
            var project = service["project"]?.ToString() ?? "";
            problems.Require(project == Platform.ProjectPath(process).Replace('\\', '/') && File.Exists(Repo.PathOf(project)),
                $"{process}: project {project} is not {Platform.ProjectPath(process)}");
            var ports = service.Bindings().ToDictionary(b => b["name"]!.ToString(), b => b["port"]!.GetValue<int>());
            var expected = process == Platform.Gateway
                ? new Dictionary<string, int> { ["http"] = Platform.Ports[Platform.Gateway], ["grpc"] = Platform.Ports[Platform.GatewayGrpc] }
                : new Dictionary<string, int> { ["grpc"] = Platform.Ports[process] };
            problems.Require(ports.Count == expected.Count && expected.All(e => ports.GetValueOrDefault(e.Key) == e.Value),
                $"{process}: bindings [{string.Join(", ", ports)}] instead of [{string.Join(", ", expected)}] (config/platform.json)");
        }
        problems.ShouldBeEmpty();
    }

    [Fact]
    public void Tye_MakesEveryServiceSpeakH2cAndTheGatewayListenOnBothItsPorts()
    {
        foreach (var service in Platform.Services)
        {
            Tye.Service(service).Env().GetValueOrDefault("Kestrel__EndpointDefaults__Protocols").ShouldBe("Http2", service);
        }
        var gateway = Tye.Service(Platform.Gateway).Env();
        gateway["Kestrel__Endpoints__Http__Url"].ShouldEndWith(":" + Platform.Ports[Platform.Gateway].ToString(CultureInfo.InvariantCulture));
        gateway["Kestrel__Endpoints__Http__Protocols"].ShouldBe("Http1");
        gateway["Kestrel__Endpoints__Grpc__Url"].ShouldEndWith(":" + Platform.Ports[Platform.GatewayGrpc].ToString(CultureInfo.InvariantCulture));
        gateway["Kestrel__Endpoints__Grpc__Protocols"].ShouldBe("Http2");
    }

    [Theory]
    [InlineData("rabbitmq", 5672)]
    [InlineData("redis", 6379)]
    [InlineData("postgres", 5432)]
    public void Tye_BindsTheExternalServer(string name, int port)
    {
        var server = Tye.Service(name);
        server["external"]?.GetValue<bool>().ShouldBe(true);
        var binding = server.Bindings().ShouldHaveSingleItem();
        binding["port"]!.GetValue<int>().ShouldBe(port);
        binding["connectionString"]!.ToString().ShouldContain("${port}");
    }
}
