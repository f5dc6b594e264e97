using Google.Protobuf;
using Grpc.Core;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Testing;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>
/// Bytes that are not the method's protobuf message get INVALID_ARGUMENT before the method runs, whether the body is
/// small or large; a valid message of either size reaches the method.
/// </summary>
[Collection(EmbeddedPlatformCollection.Name)]
public sealed class MalformedRequestTests(EmbeddedPlatformFixture platform)
{
    private const string NotAValidMessage = "the request is not a valid SearchClients message";
    private const string User = "procesbegeleider.arnhem-zuid";

    [Theory]
    [InlineData(20)]
    [InlineData(200 * 1024)]
    public async Task GarbageBytes_OfAnySize_AreRefusedAsInvalidArgument(int size)
    {
        var garbage = new byte[size];
        new Random(size).NextBytes(garbage);
        garbage[0] = 0xFF; // field number 31, wire type 7: no protobuf message starts like this

        var refusal = await SearchRaw(garbage);

        refusal.ShouldNotBeNull();
        refusal.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refusal.Status.Detail.ShouldBe(NotAValidMessage);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200 * 1024)]
    public async Task AValidMessage_OfAnySize_ReachesTheMethod(int queryLength)
    {
        var request = new SearchClientsRequest { Query = new string('a', queryLength) };

        var refusal = await SearchRaw(request.ToByteArray());

        // The method's own validation may refuse a long query; what matters is that it, not the middleware, answered.
        (refusal?.Status.Detail ?? "answered").ShouldNotBe(NotAValidMessage);
    }

    private async Task<RpcException?> SearchRaw(byte[] payload)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, KlantbeeldService.Descriptor.FullName, "SearchClients",
            Marshallers.Create(b => b, b => b), Marshallers.Create(b => b, b => b));
        try
        {
            await platform.Client.Invoker.AsyncUnaryCall(method, null,
                new CallOptions(platform.Client.As(User), deadline: DateTime.UtcNow.AddSeconds(30)), payload);
            return null;
        }
        catch (RpcException ex)
        {
            return ex;
        }
    }
}
