using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Uwv.Gateway.Extensions;
using Yarp.ReverseProxy.Forwarder;
using Attempt = Uwv.Gateway.Extensions.DestinationFailover.Attempt;

namespace Uwv.UnitTests.Gateway;

/// <summary>
/// The gateway sends a call to another destination only when the one it went to cannot have run it (not connected, or
/// its body not delivered whole), nothing of an answer has reached the caller and the caller still waits.
/// </summary>
public sealed class DestinationFailoverTests
{
    // What YARP reports when the destination resets the stream while the gateway still reads the caller's body: its
    // read of that body is canceled, so it blames the client, with a 400.
    private static readonly Attempt BodyCopyCut = new(ForwarderError.RequestBodyClient,
        new AggregateException(
            new OperationCanceledException(),
            new HttpRequestException("An error occurred while sending the request.",
                new IOException("An error occurred when reading the request body from the client.", new OperationCanceledException()))),
        StatusCodes.Status400BadRequest, BodyReadToEnd: false, ResponseStarted: false, CallerAborted: false);

    // The same reset, when YARP noticed it on the request before it did on the body copy.
    private static readonly Attempt StreamReset = new(ForwarderError.Request,
        new HttpRequestException(HttpRequestError.HttpProtocolError, "The HTTP/2 server reset the stream. HTTP/2 error code 'INTERNAL_ERROR' (0x2)."),
        StatusCodes.Status502BadGateway, BodyReadToEnd: false, ResponseStarted: false, CallerAborted: false);

    private static readonly Attempt ConnectionRefused = new(ForwarderError.Request,
        new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)),
        StatusCodes.Status502BadGateway, BodyReadToEnd: false, ResponseStarted: false, CallerAborted: false);

    public static TheoryData<string, Attempt> Retried => new()
    {
        { "body copy cut", BodyCopyCut },
        { "body not written", BodyCopyCut with { Error = ForwarderError.RequestBodyDestination, StatusCode = StatusCodes.Status502BadGateway } },
        { "body copy canceled", BodyCopyCut with { Error = ForwarderError.RequestBodyCanceled, StatusCode = StatusCodes.Status502BadGateway } },
        { "stream reset", StreamReset },
        { "connection refused", ConnectionRefused },
    };

    [Theory]
    [InlineData(ForwarderError.RequestBodyClient, StatusCodes.Status400BadRequest)]
    [InlineData(ForwarderError.RequestBodyDestination, StatusCodes.Status502BadGateway)]
    [InlineData(ForwarderError.RequestBodyCanceled, StatusCodes.Status502BadGateway)]
    public void BodyCopy_CutByTheDestination_TriesAnother(ForwarderError error, int statusCode) =>
        DestinationFailover.ShouldTryAnother(BodyCopyCut with { Error = error, StatusCode = statusCode }).ShouldBeTrue();

    [Fact]
    public void StreamReset_BeforeTheBodyWasReadToItsEnd_TriesAnother() =>
        DestinationFailover.ShouldTryAnother(StreamReset).ShouldBeTrue();

    [Fact]
    public void StreamReset_AfterTheWholeBodyWasRead_TriesNoOther() =>
        // The request may have ended at the destination, and the service may have acted on it.
        DestinationFailover.ShouldTryAnother(StreamReset with { BodyReadToEnd = true }).ShouldBeFalse();

    [Fact]
    public void ConnectionRefused_TriesAnother() =>
        DestinationFailover.ShouldTryAnother(ConnectionRefused with { BodyReadToEnd = true }).ShouldBeTrue();

    [Theory]
    [MemberData(nameof(Retried))]
    public void CallerAborted_TriesNoOther(string what, Attempt attempt) =>
        DestinationFailover.ShouldTryAnother(attempt with { CallerAborted = true }).ShouldBeFalse(what);

    [Theory]
    [MemberData(nameof(Retried))]
    public void ResponseStarted_TriesNoOther(string what, Attempt attempt) =>
        DestinationFailover.ShouldTryAnother(attempt with { ResponseStarted = true }).ShouldBeFalse(what);

    [Fact]
    public void OtherRequestError_TriesNoOther() =>
        // The connection stood and the whole request went out: the service may have acted on it.
        DestinationFailover.ShouldTryAnother(StreamReset with
        {
            Exception = new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."),
            BodyReadToEnd = true,
        }).ShouldBeFalse();

    [Theory]
    [InlineData(ForwarderError.ResponseHeaders, StatusCodes.Status502BadGateway)]
    [InlineData(ForwarderError.ResponseBodyDestination, StatusCodes.Status502BadGateway)]
    [InlineData(ForwarderError.RequestTimedOut, StatusCodes.Status504GatewayTimeout)]
    [InlineData(ForwarderError.NoAvailableDestinations, StatusCodes.Status503ServiceUnavailable)]
    public void OtherError_TriesNoOther(ForwarderError error, int statusCode) =>
        DestinationFailover.ShouldTryAnother(BodyCopyCut with { Error = error, StatusCode = statusCode }).ShouldBeFalse();

    [Theory]
    [InlineData(ForwarderError.RequestBodyClient, StatusCodes.Status408RequestTimeout)]
    [InlineData(ForwarderError.RequestBodyDestination, StatusCodes.Status504GatewayTimeout)]
    public void BodyCopy_TimedOut_TriesNoOther(ForwarderError error, int statusCode) =>
        // The caller or the destination let the copy idle for the whole activity timeout: the next would wait as long.
        DestinationFailover.ShouldTryAnother(BodyCopyCut with { Error = error, StatusCode = statusCode }).ShouldBeFalse();
}
