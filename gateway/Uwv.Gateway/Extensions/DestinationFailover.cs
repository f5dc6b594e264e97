using Polly;
using Polly.Retry;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// A call whose destination could not even be connected to (a pod that stopped or was just removed, before DNS and
/// the passive health check set it aside) is sent to another destination of the same service. Nothing of such a call
/// reached a service, so this holds for every method, not only idempotent ones. A failure after the connection stood is
/// the caller's to handle, as ever. Runs in the proxy pipeline before load balancing, which then picks among the
/// destinations not yet tried.
/// </summary>
public static class DestinationFailover
{
    /// <summary>At most this many other destinations are tried after the first.</summary>
    public const int MaxFailovers = 2;

    private static readonly ResiliencePipeline<bool> Pipeline = new ResiliencePipelineBuilder<bool>()
        .AddRetry(new RetryStrategyOptions<bool>
        {
            MaxRetryAttempts = MaxFailovers,
            Delay = TimeSpan.Zero,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result),
        })
        .Build();

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var proxy = context.GetReverseProxyFeature();
        var candidates = proxy.AvailableDestinations;
        if (candidates.Count < 2)
        {
            await next();
            return;
        }
        // The connection may fail after the request's first bytes were read (a stream refused by a pod that is going
        // away, then no new connection): the body is kept, so another destination gets it whole. gRPC messages are at
        // most 1 MiB; beyond 30 KB the buffer is a temporary file.
        context.Request.EnableBuffering();
        var tried = new HashSet<DestinationState>();
        // The outcome is "try another destination": the last attempt's response stands whatever it is.
        await Pipeline.ExecuteAsync(async _ =>
        {
            proxy.AvailableDestinations = candidates.Where(d => !tried.Contains(d)).ToList();
            context.Request.Body.Position = 0;
            context.Features.Set<IForwarderErrorFeature?>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await next();
            if (!NotConnected(context) || proxy.ProxiedDestination is not { } failed)
            {
                return false;
            }
            tried.Add(failed);
            return candidates.Any(d => !tried.Contains(d));
        }, context.RequestAborted);
    }

    private static bool NotConnected(HttpContext context) =>
        !context.Response.HasStarted
        && context.Features.Get<IForwarderErrorFeature>() is { Error: ForwarderError.Request, Exception: var exception }
        && FindConnectionError(exception);

    private static bool FindConnectionError(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError })
            {
                return true;
            }
        }
        return false;
    }
}
