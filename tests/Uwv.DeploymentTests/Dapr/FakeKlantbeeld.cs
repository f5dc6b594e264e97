using System.Collections.Concurrent;
using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.DeploymentTests.Dapr;

/// <summary>Answers GetClient and records the metadata it arrived with.</summary>
public sealed class FakeKlantbeeld(ConcurrentQueue<RecordedCall> calls) : KlantbeeldService.KlantbeeldServiceBase
{
    public override Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context)
    {
        calls.Enqueue(new RecordedCall(context.Method, context.RequestHeaders.GetValue("dapr-app-id"), context.RequestHeaders.GetValue("authorization")));
        return Task.FromResult(new GetClientResponse { Client = new ClientSummary { ClientId = request.ClientId, AreaTeam = "arnhem-centrum" } });
    }
}
