using Grpc.Core;
using Grpc.Net.Client;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Contracts.Smz.V1;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.Host.Demo;

/// <summary>
/// The platform as the demo staff use it: gRPC through the gateway's front door, each call with the token of a demo
/// user of the right role and area team. The demo never writes to a service's database itself.
/// </summary>
public sealed class DemoApi : IDisposable
{
    private readonly GrpcChannel _channel;
    private readonly DevTokenIssuer _issuer;
    private readonly Dictionary<string, Metadata> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public DemoApi(Uri gatewayGrpc, DevTokenIssuer issuer)
    {
        _channel = GrpcChannel.ForAddress(gatewayGrpc, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
        });
        _issuer = issuer;
        Klantbeeld = new(_channel);
        Smz = new(_channel);
        Werkbedrijf = new(_channel);
        Uitkeren = new(_channel);
        BezwaarBeroep = new(_channel);
        Handover = new(_channel);
        Kpi = new(_channel);
    }

    public KlantbeeldService.KlantbeeldServiceClient Klantbeeld { get; }
    public SmzService.SmzServiceClient Smz { get; }
    public WerkbedrijfService.WerkbedrijfServiceClient Werkbedrijf { get; }
    public UitkerenService.UitkerenServiceClient Uitkeren { get; }
    public BezwaarBeroepService.BezwaarBeroepServiceClient BezwaarBeroep { get; }
    public HandoverService.HandoverServiceClient Handover { get; }
    public HandoverKpiService.HandoverKpiServiceClient Kpi { get; }

    /// <summary>The caller metadata of a demo user ("role.team"); tokens are reused for the life of the demo.</summary>
    public Metadata As(string userName)
    {
        lock (_lock)
        {
            if (!_tokens.TryGetValue(userName, out var metadata))
            {
                var user = DemoUsers.Find(userName) ?? throw new InvalidOperationException($"no demo user {userName}");
                metadata = new Metadata { { "Authorization", $"Bearer {_issuer.Issue(user)}" } };
                _tokens[userName] = metadata;
            }
            return metadata;
        }
    }

    /// <summary>The demo employee who works a division's dossiers in a team.</summary>
    public static string WorkerOf(DivisionCode division, string team) => division switch
    {
        DivisionCode.Smz => $"{Roles.Procesbegeleider}.{team}",
        DivisionCode.Werkbedrijf => $"{Roles.AdviseurWerk}.{team}",
        DivisionCode.Uitkeren => $"{Roles.Uitkeringsdeskundige}.{team}",
        _ => $"{Roles.Jurist}.{team}",
    };

    public static Uwv.Contracts.Common.V1.Division ToProto(DivisionCode division) => (Uwv.Contracts.Common.V1.Division)(int)division;

    public void Dispose() => _channel.Dispose();
}
