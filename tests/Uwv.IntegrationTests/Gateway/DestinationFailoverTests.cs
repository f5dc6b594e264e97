using System.Collections.Concurrent;
using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Uwv.Gateway.Extensions;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace Uwv.IntegrationTests.Gateway;

/// <summary>
/// A destination that resets a call's stream before the call's body reached it (a pod that stops while the gateway
/// still copies the body) has not run the call: the gateway sends it whole to another destination. When no destination
/// takes it, a gRPC caller gets a gRPC status it can act on, not a bare HTTP status. Real Kestrel servers over h2c, as
/// the gateway's clusters (<see cref="GatewayRoutes.Clusters"/>), with the gateway's own proxy steps.
/// </summary>
public sealed class DestinationFailoverTests
{
    private const string Grpc = "application/grpc";

    // One gRPC message: not compressed, 5 bytes long, then the bytes.
    private static readonly byte[] Message = [0, 0, 0, 0, 5, 1, 2, 3, 4, 5];

    // How YARP reports a stream the destination reset while the gateway still waited for the caller's body: a body copy
    // it blames on the caller (its read of the body was canceled; the incident's 400) or a failed request (502),
    // whichever it noticed first. Which one is up to the scheduling of HttpClient's two tasks for the stream.
    private static readonly ForwarderError[] Reset = [ForwarderError.RequestBodyClient, ForwarderError.Request];

    [Fact]
    public async Task DestinationResetsTheStream_BeforeTheBodyArrived_TheNextDestinationGetsTheWholeCall()
    {
        // The caller's body follows once the next destination has the call: when the first reset the stream, the
        // gateway was still waiting for that body, as in the incident.
        var secondHasTheCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var first = await Server.StartAsync(ResetOnHeaders);
        await using var second = await Server.StartAsync(async context =>
        {
            secondHasTheCall.TrySetResult();
            await Echo(context, "second");
        });
        var attempts = new ConcurrentQueue<ForwarderError>();
        await using var gateway = await StartGatewayAsync(attempts, TimeSpan.FromSeconds(100), first, second);

        using var response = await SendAsync(gateway, Grpc, new BodyAfter(secondHasTheCall.Task));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("grpc-status").ShouldBeFalse("the gateway answered in the service's stead");
        response.Headers.GetValues("served-by").ShouldBe(["second"]);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(Message);
        first.Calls.ShouldBe(1);
        second.Calls.ShouldBe(1);
        var tried = attempts.ToArray();
        tried.Length.ShouldBe(2);
        tried[0].ShouldBeOneOf(Reset);
        tried[1].ShouldBe(ForwarderError.None);
    }

    [Fact]
    public async Task DestinationResetsTheStream_AfterTheWholeBody_NoOtherDestinationIsTried()
    {
        await using var first = await Server.StartAsync(async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            context.Abort();
        });
        await using var second = await Server.StartAsync(context => Echo(context, "second"));
        var attempts = new ConcurrentQueue<ForwarderError>();
        await using var gateway = await StartGatewayAsync(attempts, TimeSpan.FromSeconds(100), first, second);

        using var response = await SendAsync(gateway, Grpc, new ByteArrayContent(Message));

        response.Headers.GetValues("grpc-status").ShouldBe([GrpcForwarderErrors.Unavailable]);
        first.Calls.ShouldBe(1);
        second.Calls.ShouldBe(0, "the first destination had the whole call and may have acted on it");
        attempts.ShouldBe([ForwarderError.Request]);
    }

    [Fact]
    public async Task NoDestinationTakesTheBody_GrpcCaller_GetsUnavailable()
    {
        await using var first = await Server.StartAsync(ResetOnHeaders);
        await using var second = await Server.StartAsync(ResetOnHeaders);
        var attempts = new ConcurrentQueue<ForwarderError>();
        await using var gateway = await StartGatewayAsync(attempts, TimeSpan.FromSeconds(100), first, second);

        using var response = await SendAsync(gateway, Grpc, new BodyAfter(new TaskCompletionSource().Task));

        // Trailers-only: the status is in the headers, and the body is empty.
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe(Grpc);
        response.Headers.GetValues("grpc-status").ShouldBe([GrpcForwarderErrors.Unavailable]);
        response.Headers.GetValues("grpc-message").ShouldHaveSingleItem().ShouldContain("may be retried");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        first.Calls.ShouldBe(1);
        second.Calls.ShouldBe(1);
        attempts.Count.ShouldBe(2);
        attempts.ShouldAllBe(a => Reset.Contains(a));
    }

    [Fact]
    public async Task NoDestinationTakesTheBody_OtherCaller_KeepsTheProxysHttpStatus()
    {
        await using var first = await Server.StartAsync(ResetOnHeaders);
        await using var second = await Server.StartAsync(ResetOnHeaders);
        var attempts = new ConcurrentQueue<ForwarderError>();
        await using var gateway = await StartGatewayAsync(attempts, TimeSpan.FromSeconds(100), first, second);

        using var response = await SendAsync(gateway, "application/json", new BodyAfter(new TaskCompletionSource().Task));

        ((int)response.StatusCode).ShouldBeOneOf([StatusCodes.Status400BadRequest, StatusCodes.Status502BadGateway], "YARP's own status");
        response.Headers.Contains("grpc-status").ShouldBeFalse();
        first.Calls.ShouldBe(1);
        second.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task DestinationDoesNotAnswerInTime_GrpcCaller_GetsDeadlineExceeded_AndNoOtherDestinationIsTried()
    {
        await using var first = await Server.StartAsync(context => Task.Delay(Timeout.Infinite, context.RequestAborted));
        await using var second = await Server.StartAsync(context => Echo(context, "second"));
        var attempts = new ConcurrentQueue<ForwarderError>();
        await using var gateway = await StartGatewayAsync(attempts, TimeSpan.FromSeconds(1), first, second);

        using var response = await SendAsync(gateway, Grpc, new ByteArrayContent(Message));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("grpc-status").ShouldBe([GrpcForwarderErrors.DeadlineExceeded]);
        first.Calls.ShouldBe(1);
        second.Calls.ShouldBe(0, "the first destination had the whole call and may have acted on it");
        attempts.ShouldBe([ForwarderError.RequestTimedOut]);
    }

    private static Task ResetOnHeaders(HttpContext context)
    {
        context.Abort();
        return Task.CompletedTask;
    }

    private static async Task Echo(HttpContext context, string name)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Response.Headers["served-by"] = name;
        context.Response.ContentType = Grpc;
        await context.Response.Body.WriteAsync(body.ToArray(), context.RequestAborted);
    }

    private static async Task<HttpResponseMessage> SendAsync(Server gateway, string contentType, HttpContent content)
    {
        content.Headers.ContentType = new(contentType);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(gateway.Address, "/uwv.test.v1.TestService/Call"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await http.SendAsync(request, timeout.Token);
    }

    /// <summary>A gateway with one route to a cluster of the given destinations, tried in the order given.</summary>
    private static Task<Server> StartGatewayAsync(ConcurrentQueue<ForwarderError> attempts, TimeSpan activityTimeout, params Server[] destinations) =>
        Server.StartAsync(
            builder => builder.Services.AddReverseProxy().LoadFromMemory(
                [new RouteConfig { RouteId = "service", ClusterId = "service", Match = new RouteMatch { Path = "/{**any}" } }],
                [new ClusterConfig
                {
                    ClusterId = "service",
                    Destinations = destinations.Select((d, i) => (Name: $"destination-{i}", d.Address))
                        .ToDictionary(d => d.Name, d => new DestinationConfig { Address = d.Address.ToString() }),
                    LoadBalancingPolicy = LoadBalancingPolicies.FirstAlphabetical,
                    HttpRequest = new ForwarderRequestConfig
                    {
                        Version = HttpVersion.Version20,
                        VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                        ActivityTimeout = activityTimeout,
                    },
                }]),
            app => app.MapReverseProxy(proxy =>
            {
                proxy.Use(GrpcForwarderErrors.InvokeAsync);
                proxy.Use(DestinationFailover.InvokeAsync);
                // Notes how each attempt ended.
                proxy.Use(async (context, next) =>
                {
                    await next();
                    attempts.Enqueue(context.Features.Get<IForwarderErrorFeature>()?.Error ?? ForwarderError.None);
                });
                proxy.UseLoadBalancing();
            }));

    /// <summary>A request body that is sent only once <paramref name="gate"/> opens (and not at all if it never does).</summary>
    private sealed class BodyAfter(Task gate) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
            SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            // The headers go out now; the body waits.
            await stream.FlushAsync(cancellationToken);
            await gate.WaitAsync(cancellationToken);
            await stream.WriteAsync(Message, cancellationToken);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }

    /// <summary>A Kestrel server on a loopback port speaking HTTP/2 without TLS; counts the requests it received.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly StrongBox<int> _calls;

        private Server(WebApplication app, StrongBox<int> calls)
        {
            _app = app;
            _calls = calls;
            Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        }

        public Uri Address { get; }

        public int Calls => Volatile.Read(ref _calls.Value);

        public static Task<Server> StartAsync(RequestDelegate handler)
        {
            var calls = new StrongBox<int>();
            return StartAsync(_ => { }, app => app.Run(context =>
            {
                Interlocked.Increment(ref calls.Value);
                return handler(context);
            }), calls);
        }

        public static Task<Server> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map) =>
            StartAsync(configure, map, new StrongBox<int>());

        private static async Task<Server> StartAsync(Action<WebApplicationBuilder> configure, Action<WebApplication> map, StrongBox<int> calls)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
            configure(builder);
            var app = builder.Build();
            map(app);
            await app.StartAsync();
            return new Server(app, calls);
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
