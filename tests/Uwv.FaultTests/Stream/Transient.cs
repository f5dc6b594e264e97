using Grpc.Core;

namespace Uwv.FaultTests.Stream;

/// <summary>Which answers of the platform mean "try the same request again" (with the same request id, so nothing is done twice).</summary>
public static class Transient
{
    /// <summary>The platform is (partly) down or busy, or the outcome is unknown: the same request may be repeated.</summary>
    public static bool IsTransient(RpcException ex) => ex.StatusCode is StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown
        or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Cancelled;
}
