using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>The outcome an audit record names, from the status the call ended with.</summary>
public static class AuditOutcomes
{
    public const string Allowed = "allowed";
    public const string Denied = "denied";
    public const string NotFound = "not_found";
    public const string AlreadyExists = "already_exists";
    public const string Invalid = "invalid";
    public const string FailedPrecondition = "failed_precondition";
    public const string RateLimited = "rate_limited";
    public const string Conflict = "conflict";
    /// <summary>Anything else (an internal error, a cancelled call): the call did not complete.</summary>
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All =
        [Allowed, Denied, NotFound, AlreadyExists, Invalid, FailedPrecondition, RateLimited, Conflict, Failed];

    public static string Of(StatusCode status) => status switch
    {
        StatusCode.OK => Allowed,
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => Denied,
        StatusCode.NotFound => NotFound,
        StatusCode.AlreadyExists => AlreadyExists,
        StatusCode.InvalidArgument or StatusCode.OutOfRange => Invalid,
        StatusCode.FailedPrecondition => FailedPrecondition,
        StatusCode.ResourceExhausted => RateLimited,
        StatusCode.Aborted => Conflict,
        _ => Failed,
    };

    /// <summary>The outcome of a call whose handler threw: as the status the caller gets (see ErrorMappingInterceptor).</summary>
    public static string Of(Exception ex) => ex switch
    {
        RpcException rpc => Of(rpc.StatusCode),
        // An optimistic-concurrency conflict or a lost unique-key race: ABORTED.
        DbUpdateException => Conflict,
        _ => Failed,
    };
}
