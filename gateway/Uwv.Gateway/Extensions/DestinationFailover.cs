using Microsoft.AspNetCore.Http.Features;
using Polly;
using Polly.Retry;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Uwv.Gateway.Extensions;

/// <summary>
/// A call that its destination cannot have run is sent to another destination of the same service:
/// <list type="bullet">
/// <item>The destination could not even be connected to (a pod that stopped or was just removed, before DNS and the
/// passive health check set it aside): nothing of the call reached a service.</item>
/// <item>The request body did not reach the destination whole (a stopping pod may reset a stream while the gateway is
/// still copying its body), no answer has started and the caller is still there. Such a request never sent END_STREAM,
/// so no gRPC handler has run it: a unary or server-streaming method reads its single request message to the end of the
/// stream before the handler runs (the platform has no client-streaming method). A JSON write maps the whole body
/// (<c>body: "*"</c>), which the service's transcoding likewise reads to the end first. YARP reports the same reset
/// either as a failed body copy or as a failed request, whichever it noticed first; in the second case the body counts
/// as not delivered when the gateway had not read it to its end.</item>
/// </list>
/// Both hold for every method, not only idempotent ones. A failure after the whole request reached a service is the
/// caller's to handle, as ever, and so is one that ran into the gateway's activity timeout. Runs in the proxy pipeline
/// before load balancing, which then picks among the destinations not yet tried.
/// </summary>
public static class DestinationFailover
{
    /// <summary>At most this many other destinations are tried after the first.</summary>
    public const int MaxFailovers = 2;

    /// <summary>How a forwarding attempt ended, as far as trying another destination goes.</summary>
    /// <param name="Error">YARP's error.</param>
    /// <param name="Exception">YARP's exception with it.</param>
    /// <param name="StatusCode">The status YARP set for the caller.</param>
    /// <param name="BodyReadToEnd">The gateway read the caller's body to its end, or the request has none.</param>
    /// <param name="ResponseStarted">Part of an answer went to the caller.</param>
    /// <param name="CallerAborted">The caller went away.</param>
    public readonly record struct Attempt(
        ForwarderError Error, Exception? Exception, int StatusCode, bool BodyReadToEnd, bool ResponseStarted, bool CallerAborted);

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
        // The next destination gets the body whole, also when the last one took part of it: the body is kept. gRPC
        // messages are at most 1 MiB; beyond 30 KB the buffer is a temporary file.
        context.Request.EnableBuffering();
        var body = new WatchedBody(context.Request.Body);
        context.Request.Body = body;
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;
        var tried = new HashSet<DestinationState>();
        // The outcome is "try another destination": the last attempt's response stands whatever it is.
        await Pipeline.ExecuteAsync(async _ =>
        {
            proxy.AvailableDestinations = candidates.Where(d => !tried.Contains(d)).ToList();
            body.Position = 0;
            context.Features.Set<IForwarderErrorFeature?>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await next();
            if (context.Features.Get<IForwarderErrorFeature>() is not { } error
                || proxy.ProxiedDestination is not { } failed
                || !ShouldTryAnother(new Attempt(error.Error, error.Exception, context.Response.StatusCode,
                    BodyReadToEnd: !hasBody || body.ReadToEnd, context.Response.HasStarted, context.RequestAborted.IsCancellationRequested)))
            {
                return false;
            }
            tried.Add(failed);
            return candidates.Any(d => !tried.Contains(d));
        }, context.RequestAborted);
    }

    /// <summary>Whether the call may go to another destination: the last cannot have run it, and the caller waits for it.</summary>
    public static bool ShouldTryAnother(Attempt attempt)
    {
        if (attempt.ResponseStarted || attempt.CallerAborted)
        {
            return false;
        }
        if (attempt.Error == ForwarderError.Request && FindConnectionError(attempt.Exception))
        {
            return true;
        }
        if (GrpcForwarderErrors.TimedOut(attempt.Error, attempt.StatusCode))
        {
            return false;
        }
        return attempt.Error switch
        {
            ForwarderError.RequestBodyClient or ForwarderError.RequestBodyCanceled or ForwarderError.RequestBodyDestination => true,
            ForwarderError.Request => !attempt.BodyReadToEnd,
            _ => false,
        };
    }

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

    /// <summary>The caller's (buffered) body, noting whether it was read to its end since it was last rewound.</summary>
    private sealed class WatchedBody(Stream inner) : Stream
    {
        public bool ReadToEnd { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => inner.CanSeek;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set
            {
                inner.Position = value;
                ReadToEnd = false;
            }
        }

        public override int Read(byte[] buffer, int offset, int count) => Note(count, inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Note(buffer.Length, await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin)
        {
            ReadToEnd = false;
            return inner.Seek(offset, origin);
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // A read into room for bytes that yields none is the end; YARP's zero-byte reads only wait for data.
        private int Note(int room, int read)
        {
            if (room > 0 && read == 0)
            {
                ReadToEnd = true;
            }
            return read;
        }
    }
}
