using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.IntegrationTests.Resilience;

/// <summary>
/// The platform's service clients (<see cref="ServiceClients.AddServiceClient{TClient}"/>) retry the methods named
/// idempotent when the target answers UNAVAILABLE, never the others, and carry the incoming call's deadline and the
/// caller's token to the outgoing call; several listed instances share the calls (decision 0027).
/// </summary>
public sealed class ServiceClientResilienceTests
{
    private const string Token = "Bearer employee-token";

    [Fact]
    public async Task IdempotentCall_TargetUnavailableOnce_IsRetriedAndAnswers()
    {
        await using var klantbeeld = await FlakyKlantbeeld.StartAsync(failFirst: 1);
        using var host = ClientHost(klantbeeld.Address);

        var response = await Client(host, incoming: null).GetClientAsync(new GetClientRequest { ClientId = "c-1" });

        response.Client.ClientId.ShouldBe("c-1");
        klantbeeld.Calls.Count.ShouldBe(2);
        klantbeeld.Calls.ShouldAllBe(c => c.Method == "/uwv.klantbeeld.v1.KlantbeeldService/GetClient" && c.Authorization == Token);
    }

    [Fact]
    public async Task NonIdempotentCall_TargetUnavailable_IsNotRetried()
    {
        await using var klantbeeld = await FlakyKlantbeeld.StartAsync(failFirst: 1);
        using var host = ClientHost(klantbeeld.Address);

        var failure = await Should.ThrowAsync<RpcException>(() =>
            Client(host, incoming: null).RegisterClientAsync(new RegisterClientRequest { Name = "Jan" }).ResponseAsync);

        failure.StatusCode.ShouldBe(StatusCode.Unavailable);
        klantbeeld.Calls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task OutgoingCall_DuringAnIncomingCall_CarriesTheIncomingDeadline()
    {
        await using var klantbeeld = await FlakyKlantbeeld.StartAsync(failFirst: 0);
        using var host = ClientHost(klantbeeld.Address);
        var incomingDeadline = DateTime.UtcNow.AddMinutes(5);

        await Client(host, new IncomingCall(incomingDeadline)).GetClientAsync(new GetClientRequest { ClientId = "c-1" });

        // Without propagation the call would have no deadline at all (DateTime.MaxValue). On the wire a deadline travels
        // as the time left, so the server's copy is the incoming one plus the time the call took to arrive.
        var arrived = klantbeeld.Calls.ShouldHaveSingleItem();
        arrived.Deadline.ShouldBeLessThan(incomingDeadline.AddMinutes(1));
        arrived.Deadline.ShouldBeGreaterThan(incomingDeadline.AddMinutes(-1));
    }

    [Fact]
    public async Task OutgoingCall_OfAnIncomingCallWhoseDeadlinePassed_IsNotSent()
    {
        await using var klantbeeld = await FlakyKlantbeeld.StartAsync(failFirst: 0);
        using var host = ClientHost(klantbeeld.Address);

        var failure = await Should.ThrowAsync<RpcException>(() =>
            Client(host, new IncomingCall(DateTime.UtcNow.AddSeconds(-1))).GetClientAsync(new GetClientRequest { ClientId = "c-1" }).ResponseAsync);

        failure.StatusCode.ShouldBe(StatusCode.DeadlineExceeded);
        klantbeeld.Calls.ShouldBeEmpty();
    }

    [Fact]
    public async Task ServiceWithListedInstances_CallsAreSpreadOverEveryInstance()
    {
        await using var first = await FlakyKlantbeeld.StartAsync(failFirst: 0);
        await using var second = await FlakyKlantbeeld.StartAsync(failFirst: 0);
        using var host = ClientHost(first.Address, second.Address);
        var client = Client(host, incoming: null);

        for (var i = 0; i < 10; i++)
        {
            await client.GetClientAsync(new GetClientRequest { ClientId = "c-1" });
        }

        // Round robin over one channel: the second instance is not left idle behind the first one's connection.
        first.Calls.ShouldNotBeEmpty();
        second.Calls.ShouldNotBeEmpty();
        (first.Calls.Count + second.Calls.Count).ShouldBe(10);
        first.Calls.Concat(second.Calls).ShouldAllBe(c => c.Authorization == Token);
    }

    private static IHost ClientHost(params Uri[] klantbeeld)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Services:klantbeeld"] = string.Join(",", klantbeeld.Select(k => k.ToString())) });
        builder.AddServiceClient<KlantbeeldService.KlantbeeldServiceClient>("klantbeeld", ServiceClients.Idempotent(KlantbeeldService.Descriptor, "GetClient"));
        return builder.Build();
    }

    /// <summary>The client as a gRPC method of this service would use it: inside an incoming call (or none), with the caller's token.</summary>
    private static KlantbeeldService.KlantbeeldServiceClient Client(IHost host, IncomingCall? incoming)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Authorization = Token;
        if (incoming is not null)
        {
            context.Features.Set<IServerCallContextFeature>(incoming);
        }
        host.Services.GetRequiredService<IHttpContextAccessor>().HttpContext = context;
        return host.Services.GetRequiredService<KlantbeeldService.KlantbeeldServiceClient>();
    }

    /// <summary>An incoming gRPC call with a deadline, as ASP.NET Core's gRPC server exposes it to the call's HttpContext.</summary>
    private sealed class IncomingCall(DateTime deadline) : ServerCallContext, IServerCallContextFeature
    {
        public ServerCallContext ServerCallContext => this;
        protected override string MethodCore => "/uwv.handover.v1.HandoverService/RequestHandover";
        protected override string HostCore => "localhost";
        protected override string PeerCore => "ipv4:127.0.0.1:1";
        protected override DateTime DeadlineCore => deadline;
        protected override Metadata RequestHeadersCore { get; } = [];
        protected override CancellationToken CancellationTokenCore => CancellationToken.None;
        protected override Metadata ResponseTrailersCore { get; } = [];
        protected override Status StatusCore { get; set; }
        protected override WriteOptions? WriteOptionsCore { get; set; }
        protected override AuthContext AuthContextCore { get; } = new(null, []);
        protected override ContextPropagationToken CreatePropagationTokenCore(ContextPropagationOptions? options) => throw new NotSupportedException();
        protected override Task WriteResponseHeadersAsyncCore(Metadata responseHeaders) => Task.CompletedTask;
    }
}
