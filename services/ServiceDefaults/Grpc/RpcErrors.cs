using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Status = Grpc.Core.Status;

namespace Uwv.ServiceDefaults.Grpc;

/// <summary>
/// The statuses the platform answers bad input with. Each carries a <c>google.rpc.Status</c> in the
/// <c>grpc-status-details-bin</c> trailer (JSON callers get it as the response body): <c>BadRequest</c> field
/// violations for INVALID_ARGUMENT, <c>ErrorInfo</c> (reason = the rule, domain = the service) for
/// FAILED_PRECONDITION and PERMISSION_DENIED. The field and rule also travel in the older <c>uwv-field</c> /
/// <c>uwv-rule</c> trailers and open the message, for callers that read those.
/// </summary>
public static class RpcErrors
{
    public const string FieldTrailer = "uwv-field";
    public const string RuleTrailer = "uwv-rule";
    public const string DetailsTrailer = "grpc-status-details-bin";

    public static RpcException InvalidArgument(string field, string problem) =>
        Build(StatusCode.InvalidArgument, $"{field}: {problem}",
            new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = problem } } },
            new Metadata { { FieldTrailer, field } });

    public static RpcException NotFound(string what, string id) =>
        Build(StatusCode.NotFound, $"{what} {id} was not found", null, []);

    public static RpcException AlreadyExists(string what) =>
        Build(StatusCode.AlreadyExists, what, null, []);

    public static RpcException FailedPrecondition(string rule, string explanation) =>
        Build(StatusCode.FailedPrecondition, $"{rule}: {explanation}", new ErrorInfo { Reason = rule }, new Metadata { { RuleTrailer, rule } });

    /// <param name="reason">Why, as a stable name (<see cref="AccessReasons"/>).</param>
    public static RpcException PermissionDenied(string reason, string explanation) =>
        Build(StatusCode.PermissionDenied, explanation, new ErrorInfo { Reason = reason }, new Metadata { { RuleTrailer, reason } });

    public static RpcException Aborted(string explanation) =>
        Build(StatusCode.Aborted, explanation, null, []);

    /// <summary>
    /// The same error with the service that answered as the <c>ErrorInfo</c> domain (the error mapping does this for
    /// every call, as the rule's code does not know which service it runs in). Other errors are returned as they are.
    /// </summary>
    public static RpcException WithDomain(RpcException error, string domain)
    {
        var entry = error.Trailers.Get(DetailsTrailer);
        if (entry is null || !entry.IsBinary)
        {
            return error;
        }
        var status = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
        var changed = false;
        foreach (var detail in status.Details)
        {
            if (detail.TryUnpack<ErrorInfo>(out var info) && info.Domain.Length == 0)
            {
                info.Domain = domain;
                detail.MergeFrom(Any.Pack(info));
                changed = true;
            }
        }
        if (!changed)
        {
            return error;
        }
        var trailers = new Metadata();
        foreach (var trailer in error.Trailers.Where(t => t.Key != DetailsTrailer))
        {
            trailers.Add(trailer);
        }
        trailers.Add(DetailsTrailer, status.ToByteArray());
        return new RpcException(error.Status, trailers, error.Message);
    }

    private static RpcException Build(StatusCode code, string message, IMessage? detail, Metadata trailers)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (detail is not null)
        {
            status.Details.Add(Any.Pack(detail));
        }
        trailers.Add(DetailsTrailer, status.ToByteArray());
        return new RpcException(new Status(code, message), trailers);
    }
}

/// <summary>The reasons of a PERMISSION_DENIED, as the <c>ErrorInfo</c> reason and the <c>uwv-rule</c> trailer.</summary>
public static class AccessReasons
{
    /// <summary>The caller belongs to no area team, or the record belongs to another one.</summary>
    public const string AreaTeam = "area-team";

    /// <summary>The caller may not act for this client (the client register refused).</summary>
    public const string Client = "client-access";

    /// <summary>Only employees of one division (the sending or receiving one) may do this.</summary>
    public const string Division = "division";

    /// <summary>The caller's role does not give access to these fields or this action.</summary>
    public const string Role = "role";
}
