using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Records every call to a <see cref="PersonalDataAttribute"/> method, allowed or denied, before the answer leaves the
/// service. The record is published on the bus (<see cref="AuditLog"/>, in batches) and must be accepted (publisher
/// confirms) first: if it cannot be recorded, the data are not returned (fail closed). A write method's record instead
/// commits with the change, in the service's outbox (<see cref="AuditedWrite"/>).
/// </summary>
public sealed class AuditInterceptor(IServiceProvider services, TimeProvider clock) : Interceptor
{
    /// <summary>A handler that narrows the field groups it actually returned sets them under this key.</summary>
    public const string FieldsKey = "uwv-audit-fields";

    /// <summary>A handler whose request names no client (a registration) sets the client it touched under this key.</summary>
    public const string ClientKey = "uwv-audit-client";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var http = context.GetHttpContext();
        var marker = http.GetEndpoint()?.Metadata.GetMetadata<PersonalDataAttribute>();
        if (marker is null)
        {
            return await continuation(request, context);
        }
        // A write's record goes into the outbox of the handler's own save (AuditedWriteInterceptor), committed with the change.
        var write = marker.Writes
            ? AuditedWrite.Begin(auditId => NewRecord(auditId, http.User, request, context, FieldsOf(context, marker), "allowed"))
            : null;
        TResponse response;
        try
        {
            response = await continuation(request, context);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.PermissionDenied)
        {
            await RecordAsync(http.User, request, context, "-", "denied");
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
        await RecordAsync(http.User, request, context, FieldsOf(context, marker), "allowed", write?.AuditId);
        return response;
    }

    private static string FieldsOf(ServerCallContext context, PersonalDataAttribute marker) =>
        context.UserState.TryGetValue(FieldsKey, out var narrowed) && narrowed is string f ? f : marker.Fields;

    private async Task RecordAsync(ClaimsPrincipal user, object request, ServerCallContext context, string fields, string outcome, Guid? auditId = null)
    {
        var record = NewRecord(auditId ?? NewId.NextGuid(), user, request, context, fields, outcome);
        try
        {
            // Resolved here, not in the constructor: a process without a bus (the gateway) serves no personal data.
            await services.GetRequiredService<AuditLog>().RecordAsync(record, context.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the audit log is unavailable; personal data are not served without it"));
        }
    }

    private PersonalDataAccessed NewRecord(Guid auditId, ClaimsPrincipal user, object request, ServerCallContext context, string fields, string outcome)
    {
        var message = request as IMessage;
        return new PersonalDataAccessed(
            auditId,
            clock.GetUtcNow(),
            user.SubjectId(),
            string.Join(',', user.RoleNames()),
            user.TeamOf() ?? "",
            context.UserState.TryGetValue(ClientKey, out var touched) && touched is Guid id ? id
                : Guid.TryParse(StringField(message, "client_id"), out var clientId) ? clientId : null,
            context.Method.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "",
            context.Method.Split('/').Last(),
            fields,
            Truncate(StringField(message, "purpose")),
            outcome);
    }

    private static string? StringField(IMessage? message, string name) =>
        message?.Descriptor.FindFieldByName(name)?.Accessor.GetValue(message) as string;

    private static string? Truncate(string? purpose) =>
        string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim()[..Math.Min(500, purpose.Trim().Length)];
}
