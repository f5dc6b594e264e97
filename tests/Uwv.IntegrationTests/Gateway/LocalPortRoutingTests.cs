using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>
/// In the embedded default every service shares one process; an endpoint answers on the local port that received the
/// connection, whatever Host header the caller sends (decision 0020).
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class LocalPortRoutingTests(EmbeddedPlatformFixture platform)
{
    [Fact]
    public async Task RequestOnTheGatewaysPort_WithAServicesHostHeader_GoesThroughTheGateway_NotToTheService()
    {
        var gateway = new Uri(platform.Settings["Services:gateway"]!);
        var klantbeeld = new Uri(platform.Settings["Services:klantbeeld"]!);
        var path = $"/api/v1/klantbeeld/{Guid.NewGuid()}";
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, path + "?purpose=routing-test"));
        request.Headers.Host = klantbeeld.Authority;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", platform.Client.TokenFor("procesbegeleider.arnhem-noord"));

        using var response = await http.SendAsync(request);

        // The gateway received it and forwarded it to the klantbeeld: two server spans for the path. Had the Host header
        // picked the klantbeeld's endpoint on the gateway's port, the gateway (its authorization, rate limit and
        // routing) would have been skipped and there would be one.
        await Eventually.Until(() => Task.FromResult(ServerSpans(path)), n => n == 2, what: "the gateway's and the klantbeeld's server spans");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK, "no dossier exists for a random client");
    }

    [Fact]
    public async Task RequestOnAServicesPort_WithTheGatewaysHostHeader_DoesNotReachTheGateway()
    {
        var gateway = new Uri(platform.Settings["Services:gateway"]!);
        var klantbeeld = new Uri(platform.Settings["Services:klantbeeld"]!);
        using var http = new HttpClient();
        using var onTheGateway = await http.GetAsync(new Uri(gateway, "/webapp-config.json"));
        onTheGateway.StatusCode.ShouldBe(HttpStatusCode.OK, "the gateway serves its web configuration");

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(klantbeeld, "/webapp-config.json"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Headers.Host = gateway.Authority;
        using var onTheService = await http.SendAsync(request);

        onTheService.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private int ServerSpans(string path)
    {
        lock (platform.Spans)
        {
            return platform.Spans.Count(a => a.Kind == ActivityKind.Server && a.GetTagItem("url.path") as string == path);
        }
    }
}
