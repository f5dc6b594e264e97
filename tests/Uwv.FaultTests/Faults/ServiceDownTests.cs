using System.Net;
using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.FaultTests.Faults;

/// <summary>
/// A service that is down answers no call; the gateway says so in the caller's protocol (decision 0027): a gRPC
/// caller gets UNAVAILABLE with a retry hint (which a client may retry), not a bare HTTP status its library turns into a
/// status without a message, and a JSON caller keeps the gateway's 502.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class ServiceDownTests(FaultPlatformFixture platform)
{
    private const string Reader = "procesbegeleider.arnhem-noord";

    [Fact]
    public async Task Call_WhenItsServiceIsDown_GetsUnavailableFromTheGateway_WithARetryHint()
    {
        platform.Platform.Process("klantbeeld").Kill();
        try
        {
            var c = platform.Client;
            var request = new GetKlantbeeldRequest { ClientId = Guid.NewGuid().ToString(), Purpose = "dossierbehandeling" };

            var error = await Should.ThrowAsync<RpcException>(async () => await c.Klantbeeld.GetKlantbeeldAsync(request, c.As(Reader)));

            error.StatusCode.ShouldBe(StatusCode.Unavailable);
            error.Status.Detail.ShouldBe("the service did not answer; the call may be retried");
            using var http = c.Http(Reader);
            using var json = await http.GetAsync($"/api/v1/klantbeeld/{request.ClientId}?purpose=dossierbehandeling");
            json.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
        }
        finally
        {
            await platform.RestartAsync("klantbeeld");
        }
    }
}
