using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>A platform with a small rate limit: burst 20, 10 calls a second per caller.</summary>
public sealed class RateLimitedPlatformFixture : EmbeddedPlatformFixture
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Gateway:RateLimit:PermitsPerSecond"] = "10";
        settings["Gateway:RateLimit:Burst"] = "20";
    }
}

public sealed class RateLimitTests(RateLimitedPlatformFixture platform) : IClassFixture<RateLimitedPlatformFixture>
{
    [Fact]
    public async Task CallerOverTheRateLimit_GetsResourceExhausted_OverGrpc_And429OverJson()
    {
        var c = platform.Client;
        var token = c.Issuer.Issue("ratelimit-" + Guid.NewGuid().ToString("N"), "procesbegeleider", "SMZ", "arnhem-noord");
        var calls = Enumerable.Range(0, 100).Select(async _ =>
        {
            try
            {
                await c.Klantbeeld.GetKlantbeeldAsync(new GetKlantbeeldRequest { ClientId = Guid.NewGuid().ToString(), Purpose = "dossierbehandeling" }, PlatformClient.Bearer(token));
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        });
        var statuses = await Task.WhenAll(calls);
        statuses.ShouldContain(StatusCode.ResourceExhausted);
        statuses.ShouldContain(StatusCode.NotFound, "calls within the limit reach the service");
        statuses.ShouldAllBe(s => s == StatusCode.ResourceExhausted || s == StatusCode.NotFound);

        using var http = c.Http();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var codes = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ => (int)(await http.GetAsync($"/api/v1/klantbeeld/{Guid.NewGuid()}?purpose=dossierbehandeling")).StatusCode));
        codes.ShouldContain(429);
    }
}
