using Grpc.Core;

namespace Uwv.ServiceDefaults.Dapr;

/// <summary>
/// Service invocation through the Dapr sidecar, as gRPC proxying: a call sent to the sidecar's gRPC port with the
/// target's app id in <c>dapr-app-id</c> is carried sidecar to sidecar (mTLS, access control) to one of the target's
/// pods, chosen per call. The sidecar's API token, when it has one, travels as <c>dapr-api-token</c>.
/// </summary>
public static class DaprInvocation
{
    public const string AppIdHeader = "dapr-app-id";
    public const string ApiTokenHeader = "dapr-api-token";

    public static void AddTarget(Metadata metadata, string appId, DaprSidecar sidecar)
    {
        metadata.Add(AppIdHeader, appId);
        if (sidecar.ApiToken is { } token)
        {
            metadata.Add(ApiTokenHeader, token);
        }
    }
}
