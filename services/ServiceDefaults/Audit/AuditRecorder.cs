using Google.Protobuf;
using Grpc.Core;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Uwv.Contracts.Events;
using Uwv.ServiceDefaults.Auth;

namespace Uwv.ServiceDefaults.Audit;

/// <summary>
/// Builds an audit record of one call and waits until the audit log holds it. The client is the one the handler named
/// (<see cref="AuditCall"/>), else the request's <c>client_id</c>. Field groups are the method's, narrowed by the
/// handler, and only on an allowed call: a refused or failed call returned and wrote nothing ("-").
/// </summary>
public sealed class AuditRecorder(IServiceProvider services, TimeProvider clock)
{
    public const string NothingServed = "-";

    public async Task RecordAsync(
        HttpContext http, object? request, IDictionary<object, object> userState, AuditedAttribute marker, string outcome,
        CancellationToken ct, Guid? auditId = null)
    {
        var record = NewRecord(http, request, userState, marker, outcome, auditId ?? NewId.NextGuid());
        try
        {
            // Resolved here, not in the constructor: a process without a bus (the gateway) serves no personal data.
            await services.GetRequiredService<AuditLog>().RecordAsync(record, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "the audit log is unavailable; personal data are not served without it"));
        }
    }

    /// <summary>The record of one call, under <paramref name="auditId"/>; a write's record is built when its change is saved.</summary>
    public PersonalDataAccessed NewRecord(
        HttpContext http, object? request, IDictionary<object, object> userState, AuditedAttribute marker, string outcome, Guid auditId)
    {
        var message = request as IMessage;
        var user = http.User;
        var path = (http.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = http.GetEndpoint()?.Metadata.GetMetadata<global::Grpc.AspNetCore.Server.GrpcMethodMetadata>()?.Method;
        var fields = outcome == AuditOutcomes.Allowed ? AuditCall.FieldsOf(userState) ?? marker.Fields : NothingServed;
        var clientId = AuditCall.ClientOf(userState)
            ?? (Guid.TryParse(StringField(message, "client_id"), out var requested) ? requested : null);
        return new PersonalDataAccessed(
            auditId,
            clock.GetUtcNow(),
            user.SubjectId(),
            string.Join(',', user.RoleNames()),
            user.TeamOf() ?? "",
            marker is AdministrativeActionAttribute ? null : clientId,
            method?.ServiceName ?? path.FirstOrDefault() ?? "",
            method?.Name ?? path.LastOrDefault() ?? "",
            fields,
            Truncate(AuditCall.PurposeOf(userState) ?? StringField(message, "purpose")),
            outcome);
    }

    private static string? StringField(IMessage? message, string name) =>
        message?.Descriptor.FindFieldByName(name)?.Accessor.GetValue(message) as string;

    private static string? Truncate(string? purpose) =>
        string.IsNullOrWhiteSpace(purpose) ? null : purpose.Trim()[..Math.Min(500, purpose.Trim().Length)];
}
