using System.Collections.Concurrent;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Grpc.Core;

namespace Uwv.DeploymentTests.Dapr;

/// <summary>
/// The Dapr runtime's GetBulkSecret (dapr.proto.runtime.v1.Dapr), bound by hand because the Dapr package
/// ships only the client side of that service. gRPC binds only virtual methods declared by the bound type,
/// hence the unsealed class and the virtual method.
/// </summary>
[BindServiceMethod(typeof(FakeSecretStore), nameof(BindService))]
public class FakeSecretStore(FakeSecretStore.Contents contents, ConcurrentQueue<RecordedCall> calls)
{
    public sealed record Contents(IReadOnlyDictionary<string, Dictionary<string, string>> Secrets);

    private static readonly Method<GetBulkSecretRequest, GetBulkSecretResponse> GetBulkSecretMethod = new(
        MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "GetBulkSecret",
        Marshaller(GetBulkSecretRequest.Parser), Marshaller(GetBulkSecretResponse.Parser));

    private static readonly Method<GetSecretRequest, GetSecretResponse> GetSecretMethod = new(
        MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "GetSecret",
        Marshaller(GetSecretRequest.Parser), Marshaller(GetSecretResponse.Parser));

    public static void BindService(ServiceBinderBase binder, FakeSecretStore? service)
    {
        binder.AddMethod(GetBulkSecretMethod, service is null ? null : service.GetBulkSecret);
        binder.AddMethod(GetSecretMethod, service is null ? null : service.GetSecret);
    }

    public virtual Task<GetSecretResponse> GetSecret(GetSecretRequest request, ServerCallContext context)
    {
        calls.Enqueue(new RecordedCall($"{context.Method} {request.StoreName} {request.Key}", context.RequestHeaders.GetValue("dapr-app-id"), null));
        if (!contents.Secrets.TryGetValue(request.Key, out var values))
        {
            throw new RpcException(new Status(StatusCode.NotFound, $"secret {request.Key} not found"));
        }
        var response = new GetSecretResponse();
        response.Data.Add(values);
        return Task.FromResult(response);
    }

    public virtual Task<GetBulkSecretResponse> GetBulkSecret(GetBulkSecretRequest request, ServerCallContext context)
    {
        calls.Enqueue(new RecordedCall($"{context.Method} {request.StoreName}", context.RequestHeaders.GetValue("dapr-app-id"), null));
        if (request.StoreName != "uwv-secrets")
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"secret store {request.StoreName} is not configured"));
        }
        var response = new GetBulkSecretResponse();
        foreach (var (name, values) in contents.Secrets)
        {
            var secret = new SecretResponse();
            secret.Secrets.Add(values);
            response.Data.Add(name, secret);
        }
        return Task.FromResult(response);
    }

    private static Marshaller<T> Marshaller<T>(MessageParser<T> parser) where T : IMessage<T> =>
        Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
}
