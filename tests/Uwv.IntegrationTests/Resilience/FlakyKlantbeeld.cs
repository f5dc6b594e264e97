using System.Collections.Concurrent;
using System.Net;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uwv.Contracts.Klantbeeld.V1;

namespace Uwv.IntegrationTests.Resilience;

/// <summary>What one call of <see cref="FlakyKlantbeeld"/> arrived with.</summary>
public sealed record ArrivedCall(string Method, DateTime Deadline, string? Authorization);

/// <summary>
/// A Klantbeeld on a loopback port that answers UNAVAILABLE to the first <see cref="FailFirst"/> calls of each method and
/// then serves: a pod that was going away when the call reached it.
/// </summary>
public sealed class FlakyKlantbeeld : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FlakyKlantbeeld(WebApplication app, State state)
    {
        _app = app;
        Calls = state.Calls;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
    }

    public Uri Address { get; }

    public ConcurrentQueue<ArrivedCall> Calls { get; }

    public static async Task<FlakyKlantbeeld> StartAsync(int failFirst)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var state = new State(failFirst);
        builder.Services.AddSingleton(state);
        builder.Services.AddGrpc();
        var app = builder.Build();
        app.MapGrpcService<Service>();
        await app.StartAsync();
        return new FlakyKlantbeeld(app, state);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed class State(int failFirst)
    {
        public ConcurrentQueue<ArrivedCall> Calls { get; } = new();

        private readonly ConcurrentDictionary<string, int> _seen = new();

        /// <summary>Records the call; true while this method should still fail.</summary>
        public bool Arrive(ServerCallContext context)
        {
            Calls.Enqueue(new ArrivedCall(context.Method, context.Deadline, context.RequestHeaders.GetValue("authorization")));
            return _seen.AddOrUpdate(context.Method, 1, (_, n) => n + 1) <= failFirst;
        }
    }

    private sealed class Service(State state) : KlantbeeldService.KlantbeeldServiceBase
    {
        public override Task<GetClientResponse> GetClient(GetClientRequest request, ServerCallContext context) =>
            state.Arrive(context)
                ? throw new RpcException(new Status(StatusCode.Unavailable, "shutting down"))
                : Task.FromResult(new GetClientResponse { Client = new ClientSummary { ClientId = request.ClientId, AreaTeam = "arnhem-noord" } });

        public override Task<RegisterClientResponse> RegisterClient(RegisterClientRequest request, ServerCallContext context) =>
            state.Arrive(context)
                ? throw new RpcException(new Status(StatusCode.Unavailable, "shutting down"))
                : Task.FromResult(new RegisterClientResponse());
    }
}
