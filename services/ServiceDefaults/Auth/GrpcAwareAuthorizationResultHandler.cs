using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Uwv.ServiceDefaults.Auth;

/// <summary>
/// A gRPC caller that is not authenticated (or not allowed) gets a gRPC status (UNAUTHENTICATED / PERMISSION_DENIED)
/// as a trailers-only response, not a bare HTTP 401/403 that some clients report as UNKNOWN.
/// </summary>
public sealed class GrpcAwareAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var isGrpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;
        if (!isGrpc || authorizeResult.Succeeded)
        {
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
        var (status, message) = authorizeResult.Challenged
            ? ("16", "a valid bearer token is required")
            : ("7", "the caller is not allowed to use this method");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status;
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
