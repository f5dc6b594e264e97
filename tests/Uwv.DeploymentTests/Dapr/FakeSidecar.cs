using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Uwv.DeploymentTests.Dapr;

/// <summary>A call that reached a fake endpoint, with the metadata the test looks for.</summary>
public sealed record RecordedCall(string Method, string? DaprAppId, string? Authorization);

/// <summary>
/// A gRPC server on a loopback port standing in for a Dapr sidecar (or, without one, for Klantbeeld itself):
/// it answers the Klantbeeld API (what a sidecar proxies to the target app) and the Dapr secrets API.
/// </summary>
public sealed class FakeSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeSidecar(WebApplication app, Uri address, ConcurrentQueue<RecordedCall> calls)
    {
        this.app = app;
        Address = address;
        Calls = calls;
    }

    public Uri Address { get; }

    public int Port => Address.Port;

    public ConcurrentQueue<RecordedCall> Calls { get; }

    public static async Task<FakeSidecar> StartAsync(IReadOnlyDictionary<string, Dictionary<string, string>>? secrets = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var calls = new ConcurrentQueue<RecordedCall>();
        builder.Services.AddSingleton(calls);
        builder.Services.AddSingleton(new FakeSecretStore.Contents(secrets ?? new Dictionary<string, Dictionary<string, string>>()));
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<FakeKlantbeeld>();
        app.MapGrpcService<FakeSecretStore>();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new FakeSidecar(app, new Uri(address), calls);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
