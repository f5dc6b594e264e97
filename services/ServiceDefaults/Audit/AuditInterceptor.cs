using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Records every call to an <see cref="AuditedAttribute"/> method with its outcome (allowed, denied, not_found,
/// already_exists, invalid, failed_precondition, ...), before the answer leaves the service. The record is published on
/// the bus (<see cref="AuditLog"/>, in batches) and must be accepted (publisher confirms) first: if it cannot be
/// recorded, the data are not returned (fail closed). Calls refused by role before they reach a handler are recorded
/// by <see cref="AuditingAuthorizationResultHandler"/>.
/// </summary>
public sealed class AuditInterceptor(AuditRecorder recorder) : Interceptor
{
    /// <summary>A handler that narrows the field groups it actually returned sets them under this key.</summary>
    public const string FieldsKey = AuditCall.FieldsKey;

    /// <summary>A handler whose request names no client sets the client it touched under this key (<see cref="AuditCall.AuditClient"/>).</summary>
    public const string ClientKey = AuditCall.ClientKey;

    /// <summary>A handler that checked the purpose of a read (<see cref="Auth.InzageDoel"/>) sets its audit text under this key.</summary>
    public const string PurposeKey = AuditCall.PurposeKey;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var marker = http.GetEndpoint()?.Metadata.GetMetadata<AuditedAttribute>();
        if (marker is null)
        {
            return await continuation(request, context);
        }
        TResponse response;
        using (AuditCall.Begin(context.UserState))
        {
            // A write's record goes into the outbox of the handler's own save (AuditedWriteInterceptor), committed with
            // the change; it is built at that save, from what the handler named by then.
            var write = marker.Writes
                ? AuditedWrite.Begin(auditId => recorder.NewRecord(http, request, context.UserState, marker, AuditOutcomes.Allowed, auditId))
                : null;
            try
            {
                response = await continuation(request, context);
            }
            catch (RpcException ex)
            {
                await recorder.RecordAsync(http, request, context.UserState, marker, AuditOutcomes.Of(ex.StatusCode), context.CancellationToken);
                throw;
            }
            catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // Mapped to a status by the error-mapping interceptor outside this one; recorded with the outcome it maps to.
                await recorder.RecordAsync(http, request, context.UserState, marker, AuditOutcomes.Of(ex), context.CancellationToken);
                throw;
            }
            finally
            {
                if (write is not null)
                {
                    AuditedWrite.End();
                }
            }
            if (write is { Committed: true })
            {
                return response;
            }
            // A read, or a write that committed no record (it saved nothing, e.g. a replay): fail closed on the bus, under
            // the write's own record id so that a record also committed after all is stored once.
            await recorder.RecordAsync(http, request, context.UserState, marker, AuditOutcomes.Allowed, context.CancellationToken, write?.AuditId);
        }
        return response;
    }
}
