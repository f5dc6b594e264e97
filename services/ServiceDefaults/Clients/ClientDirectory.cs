using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Clients;

/// <summary>Asks the client register (in Klantbeeld) whether a client exists and which area team serves them.</summary>
public interface IClientDirectory
{
    Task<ClientSummary> GetAsync(Guid clientId, CancellationToken ct);
}

public sealed class GrpcClientDirectory(KlantbeeldService.KlantbeeldServiceClient client) : IClientDirectory
{
    public async Task<ClientSummary> GetAsync(Guid clientId, CancellationToken ct)
    {
        try
        {
            var response = await client.GetClientAsync(new GetClientRequest { ClientId = clientId.ToString() }, cancellationToken: ct);
            return response.Client;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            throw RpcErrors.NotFound("client", clientId.ToString());
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied or StatusCode.Unauthenticated)
        {
            throw RpcErrors.PermissionDenied(AccessReasons.Client, "the caller may not act for this client");
        }
        catch (RpcException ex)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"the client register did not answer ({ex.StatusCode})"));
        }
    }
}
