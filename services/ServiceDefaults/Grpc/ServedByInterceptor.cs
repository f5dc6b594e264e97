using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// Names the instance that answered a call in the response header <c>uwv-served-by</c> (host name, which is the pod's
/// name in the cluster, and process id), so an operator can see how calls spread over the pods of a service and which
/// pod answered a failing call. JSON calls carry it too: transcoding runs through the same interceptors.
/// </summary>
public sealed class ServedByInterceptor : Interceptor
{
    public const string Header = "uwv-served-by";

    public static readonly string Instance = $"{Environment.MachineName}/{Environment.ProcessId}";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, responseStream, context);
    }

    private static void Mark(ServerCallContext context) => context.GetHttpContext().Response.Headers[Header] = Instance;
}
