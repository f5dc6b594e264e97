using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.ServiceDefaults.Auth;

/// <summary>
/// A gRPC caller that is not authenticated (or not allowed) gets a gRPC status (UNAUTHENTICATED / PERMISSION_DENIED)
/// as a trailers-only response, not a bare HTTP 401/403 that some clients report as UNKNOWN. A refusal by role carries
/// the same structured error as a refusal by a handler: <c>ErrorInfo</c> reason "role", domain the service; a JSON
/// caller gets it as the 403 body.
/// </summary>
public sealed class GrpcAwareAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private const string Refused = "the caller is not allowed to use this method";
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(
        Google.Protobuf.Reflection.TypeRegistry.FromMessages(ErrorInfo.Descriptor)));
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (authorizeResult.Succeeded || (!isGrpc && !authorizeResult.Forbidden))
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (!isGrpc)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Json.Format(RoleRefusal(context)));
            return;
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        if (authorizeResult.Challenged)
        {
            context.Response.Headers["grpc-status"] = "16";
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString("a valid bearer token is required");
            return;
        }
        context.Response.Headers["grpc-status"] = "7";
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(Refused);
        context.Response.Headers[RpcErrors.RuleTrailer] = AccessReasons.Role;
        context.Response.Headers[RpcErrors.DetailsTrailer] = Convert.ToBase64String(RoleRefusal(context).ToByteArray());
    }

    private static Google.Rpc.Status RoleRefusal(HttpContext context)
    {
        var service = context.GetEndpoint()?.Metadata.GetMetadata<global::Grpc.AspNetCore.Server.GrpcMethodMetadata>()?.Method.ServiceName ?? "";
        return new Google.Rpc.Status
        {
            Code = (int)global::Grpc.Core.StatusCode.PermissionDenied,
            Message = Refused,
            Details = { Any.Pack(new ErrorInfo { Reason = AccessReasons.Role, Domain = service }) },
        };
    }
}
