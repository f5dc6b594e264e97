using System.Net;
using System.Text.Json.Nodes;

namespace Uwv.EndToEndTests;

/// <summary>/healthz of each process on the real servers: its PostgreSQL databases, Redis for the klantbeeld, RabbitMQ.</summary>
[Collection(RealPlatformCollection.Name)]
public sealed class HealthzEndToEndTests(RealPlatformFixture platform)
{
    [Theory]
    [InlineData("klantbeeld", new[] { "database-klantbeeld", "database-audit", "redis", "masstransit-bus" })]
    [InlineData("handover", new[] { "database-handover", "masstransit-bus" })]
    [InlineData("smz", new[] { "database-smz", "masstransit-bus" })]
    public async Task Healthz_OnTheRealServers_ChecksEveryDependencyOfTheService(string service, string[] checks)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Platform.Address(service), "/healthz"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.SendAsync(request);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        response.StatusCode.ShouldBe(HttpStatusCode.OK, report.ToJsonString());
        var reported = report["checks"]!.AsObject();
        foreach (var check in checks)
        {
            reported.ContainsKey(check).ShouldBeTrue($"{service} does not report {check}");
            reported[check]!["status"]!.GetValue<string>().ShouldBe("Healthy", $"{service}: {check} in {report.ToJsonString()}");
        }
    }
}
