using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using StackExchange.Redis;

namespace Uwv.Benchmarks.Baseline;

/// <summary>
/// Answers <c>/uwv.klantbeeld.v1.KlantbeeldService/GetKlantbeeld</c> with the stored picture's bytes as they are in Redis
/// (key <c>klantbeeld:{client id}</c>): one Redis GET per call, nothing else. The request's field 1 is the client id, as
/// in the real contract, read without the generated classes so that no conversion is measured.
/// </summary>
[BindServiceMethod(typeof(BaselineReadService), nameof(Bind))]
public sealed class BaselineReadService(IConnectionMultiplexer redis)
{
    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(b => b, b => b);

    private static readonly Method<byte[], byte[]> GetKlantbeeld = new(
        MethodType.Unary, "uwv.klantbeeld.v1.KlantbeeldService", "GetKlantbeeld", Bytes, Bytes);

    public static void Bind(ServiceMethodProviderContext<BaselineReadService> context) =>
        context.AddUnaryMethod(GetKlantbeeld, [], (service, request, _) => service.ReadAsync(request));

    private async Task<byte[]> ReadAsync(byte[] request)
    {
        var clientId = ClientIdOf(request);
        var value = (byte[]?)await redis.GetDatabase().StringGetAsync("klantbeeld:" + clientId.ToString("N"));
        return value ?? throw new RpcException(new Status(StatusCode.NotFound, "no picture"));
    }

    private static Guid ClientIdOf(byte[] request)
    {
        var input = new CodedInputStream(request);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            if (tag == 10 && Guid.TryParse(input.ReadString(), out var id))
            {
                return id;
            }
            input.SkipLastField();
        }
        throw new RpcException(new Status(StatusCode.InvalidArgument, "client_id"));
    }
}
