using Grpc.Core;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// The statuses the platform answers bad input with. Each carries the field or rule in the message
/// and in a trailer, so a client can point at it without parsing text.
/// </summary>
public static class RpcErrors
{
    public const string FieldTrailer = "uwv-field";
    public const string RuleTrailer = "uwv-rule";

    public static RpcException InvalidArgument(string field, string problem) =>
        new(new Status(StatusCode.InvalidArgument, $"{field}: {problem}"), new Metadata { { FieldTrailer, field } });

    public static RpcException NotFound(string what, string id) =>
        new(new Status(StatusCode.NotFound, $"{what} {id} was not found"));

    public static RpcException AlreadyExists(string what) =>
        new(new Status(StatusCode.AlreadyExists, what));

    public static RpcException FailedPrecondition(string rule, string explanation) =>
        new(new Status(StatusCode.FailedPrecondition, $"{rule}: {explanation}"), new Metadata { { RuleTrailer, rule } });

    public static RpcException PermissionDenied(string explanation) =>
        new(new Status(StatusCode.PermissionDenied, explanation));

    public static RpcException Aborted(string explanation) =>
        new(new Status(StatusCode.Aborted, explanation));
}
