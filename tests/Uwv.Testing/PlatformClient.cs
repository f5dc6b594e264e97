using System.Net.Http.Headers;
using Grpc.Core;
using Grpc.Net.Client;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Testing;

/// <summary>Talks to a running platform the way an employee's client does: through the gateway, with a token.</summary>
public sealed class PlatformClient(Uri gatewayGrpc, Uri gatewayHttp, DevTokenIssuer issuer) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(gatewayGrpc, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
    });

    public Uri GatewayGrpc { get; } = gatewayGrpc;
    public Uri GatewayHttp { get; } = gatewayHttp;
    public DevTokenIssuer Issuer { get; } = issuer;
    public CallInvoker Invoker => _channel.CreateCallInvoker();

    public string TokenFor(string userName) =>
        Issuer.Issue(DemoUsers.Find(userName) ?? throw new ArgumentException($"No demo user {userName}", nameof(userName)));

    public static Metadata Bearer(string token) => new() { { "Authorization", $"Bearer {token}" } };

    public Metadata As(string userName) => Bearer(TokenFor(userName));

    public KlantbeeldService.KlantbeeldServiceClient Klantbeeld => new(_channel);
    public SmzService.SmzServiceClient Smz => new(_channel);
    public HandoverService.HandoverServiceClient Handover => new(_channel);

    public HttpClient Http(string? userName = null)
    {
        var http = new HttpClient { BaseAddress = GatewayHttp };
        if (userName is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(userName));
        }
        return http;
    }

    public void Dispose() => _channel.Dispose();
}
