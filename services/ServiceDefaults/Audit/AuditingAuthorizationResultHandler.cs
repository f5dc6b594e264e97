using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// A call refused by role ([Authorize(Roles = ...)]) never reaches a handler or the audit interceptor. For an audited
/// method the refusal is recorded here as <c>denied</c>, with the client the request names (its <c>client_id</c>), and
/// then answered as before (<see cref="GrpcAwareAuthorizationResultHandler"/>). An unauthenticated call names nobody
/// and is not recorded.
/// </summary>
public sealed class AuditingAuthorizationResultHandler(AuditRecorder recorder, ILogger<AuditingAuthorizationResultHandler> logger)
    : IAuthorizationMiddlewareResultHandler
{
    private readonly GrpcAwareAuthorizationResultHandler _answer = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>() is { } marker)
        {
            try
            {
                var request = await RefusedRequest.ReadAsync(context);
                await recorder.RecordAsync(context, request, new Dictionary<object, object>(), marker, AuditOutcomes.Denied, context.RequestAborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The caller is refused either way; nothing is served without a record.
                logger.LogError("The refusal of {Path} could not be recorded in the audit log: {ExceptionType}",
                    context.Request.Path.Value, ex.GetType().FullName);
            }
        }
        await _answer.HandleAsync(next, context, policy, authorizeResult);
    }
}
