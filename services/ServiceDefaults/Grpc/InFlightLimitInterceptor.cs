using System.Globalization;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// Refuses a call with RESOURCE_EXHAUSTED and a retry hint when its service already serves <see cref="InFlightGate.Limit"/>
/// calls (setting <c>Grpc:MaxCallsInFlight</c>). The hint is the gRPC trailer <c>grpc-retry-pushback-ms</c> and, for JSON
/// callers (HTTP 429), <c>Retry-After</c>. A refused call runs no handler: nothing is read, written or audited. The
/// health and reflection services are never limited, so an overloaded pod is not restarted for being busy.
/// </summary>
public sealed class InFlightLimitInterceptor(InFlightGate gate) : Interceptor
{
    public const string PushbackTrailer = "grpc-retry-pushback-ms";
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var service = Limited(context.Method);
        if (service is null)
        {
            return await continuation(request, context);
        }
        Enter(service, context);
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            gate.Exit(service);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var service = Limited(context.Method);
        if (service is null)
        {
            await continuation(request, responseStream, context);
            return;
        }
        Enter(service, context);
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            gate.Exit(service);
        }
    }

    private void Enter(string service, ServerCallContext context)
    {
        if (gate.TryEnter(service))
        {
            return;
        }
        var milliseconds = ((int)RetryAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        if (HttpOf(context) is { } http)
        {
            http.Response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }
        throw new RpcException(
            new Status(StatusCode.ResourceExhausted, $"the service is busy ({gate.Limit} calls in flight); retry after {milliseconds} ms"),
            new Metadata { { PushbackTrailer, milliseconds } });
    }

    private static Microsoft.AspNetCore.Http.HttpContext? HttpOf(ServerCallContext context)
    {
        try
        {
            return context.GetHttpContext();
        }
        catch (InvalidOperationException)
        {
            // A context that is not ASP.NET Core's (an interceptor run outside a server) has no HTTP response to hint in.
            return null;
        }
    }

    /// <summary>The service of a method path ("/uwv.handover.v1.HandoverService/GetHandover"), or null when it is not limited.</summary>
    public static string? Limited(string method)
    {
        var end = method.IndexOf('/', 1);
        var service = end > 1 ? method[1..end] : method.TrimStart('/');
        return service.StartsWith("grpc.", StringComparison.Ordinal) ? null : service;
    }
}
