using Yarp.ReverseProxy.Forwarder;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// A gRPC call that the gateway could not forward (after any failover) is answered as gRPC, trailers-only: UNAVAILABLE,
/// or DEADLINE_EXCEEDED when the forwarding timed out. From YARP's bare HTTP status a gRPC client can only guess a status,
/// without a message (a 400 becomes INTERNAL "Bad gRPC response", which no client retries). The message names no
/// exception and no personal data. Other calls keep YARP's status code. Runs in the proxy pipeline before the failover,
/// so it sees the last attempt.
/// </summary>
public static class GrpcForwarderErrors
{
    public const string Unavailable = "14";
    public const string DeadlineExceeded = "4";

    public static async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        await next();
        var response = context.Response;
        if (context.Features.Get<IForwarderErrorFeature>() is not { } error
            || response.HasStarted
            || context.RequestAborted.IsCancellationRequested
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }
        var timedOut = TimedOut(error.Error, response.StatusCode);
        response.Clear();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = timedOut ? DeadlineExceeded : Unavailable;
        response.Headers["grpc-message"] = timedOut
            ? "the service did not answer in time; the call may be retried"
            : "the service did not answer; the call may be retried";
    }

    /// <summary>Whether forwarding ended in the gateway's timeout: for the destination's answer, or for a body to copy.</summary>
    public static bool TimedOut(ForwarderError error, int statusCode) =>
        error == ForwarderError.RequestTimedOut
        || statusCode is StatusCodes.Status504GatewayTimeout or StatusCodes.Status408RequestTimeout;
}
