using System.Globalization;
using Grpc.Core;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Klantbeeld.V1;
using Uwv.Klantbeeld.Audit;
using Uwv.Klantbeeld.Store;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Grpc;
using ProtoAuditEntry = Uwv.Contracts.Klantbeeld.V1.AuditEntry;

namespace Uwv.Klantbeeld.Grpc;

/// <summary>The audit log query (privacy officer) and the rebuild (operator): methods that see no client pictures.</summary>
public sealed class KlantbeeldOperations(AuditDbContext audit, IKlantbeeldStore store, IPublishEndpoint bus, OfficeHours office, TimeProvider clock)
{
    public async Task<ListAuditEntriesResponse> ListAuditEntriesAsync(ListAuditEntriesRequest request, CancellationToken ct)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        var query = audit.Entries.AsNoTracking();
        if (!string.IsNullOrEmpty(request.ClientId))
        {
            var clientId = Require.Id(request.ClientId, "client_id");
            query = query.Where(e => e.ClientId == clientId);
        }
        if (Require.OptionalText(request.Subject, "subject", 200) is { } subject)
        {
            query = query.Where(e => e.Subject == subject);
        }
        if (Require.OptionalText(request.Outcome, "outcome", 40) is { } outcome)
        {
            if (!AuditOutcomes.All.Contains(outcome))
            {
                throw RpcErrors.InvalidArgument("outcome", "must be one of " + string.Join(", ", AuditOutcomes.All));
            }
            query = query.Where(e => e.Outcome == outcome);
        }
        if (Require.OptionalText(request.Method, "method", 200) is { } method)
        {
            query = query.Where(e => e.Method == method);
        }
        // Dates are office (Europe/Amsterdam) days, as on the dashboard: from the start of from_date up to the start of
        // the day after to_date. The bounds are compared in UTC, the form in which the entries are stored.
        DateOnly? fromDate = string.IsNullOrEmpty(request.FromDate) ? null : Require.Date(request.FromDate, "from_date");
        DateOnly? toDate = string.IsNullOrEmpty(request.ToDate) ? null : Require.Date(request.ToDate, "to_date");
        if (fromDate > toDate)
        {
            throw RpcErrors.InvalidArgument("to_date", "must not be before from_date");
        }
        if (fromDate is { } fromDay)
        {
            var from = office.StartOfDay(fromDay).ToUniversalTime();
            query = query.Where(e => e.At >= from);
        }
        if (toDate is { } toDay)
        {
            var to = office.StartOfDay(toDay.AddDays(1)).ToUniversalTime();
            query = query.Where(e => e.At < to);
        }
        var rows = await query.OrderByDescending(e => e.Id).Skip(offset).Take(size + 1).ToListAsync(ct);
        var response = new ListAuditEntriesResponse
        {
            NextPageToken = rows.Count > size ? (offset + size).ToString(CultureInfo.InvariantCulture) : "",
        };
        response.Entries.AddRange(rows.Take(size).Select(e => new ProtoAuditEntry
        {
            At = e.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            Subject = e.Subject,
            Role = e.Role,
            Team = e.Team,
            ClientId = e.ClientId?.ToString() ?? "",
            Service = e.Service,
            Method = e.Method,
            Fields = e.Fields,
            Purpose = e.Purpose ?? "",
            Outcome = e.Outcome,
        }));
        return response;
    }

    public async Task<RebuildKlantbeeldResponse> RebuildAsync(RebuildKlantbeeldRequest request, string requestedBy, CancellationToken ct)
    {
        var reason = Require.Text(request.Reason, "reason", 500);
        await store.ClearAsync(ct);
        var rebuild = new KlantbeeldRebuildRequested(NewId.NextGuid(), requestedBy, reason, clock.GetUtcNow());
        await bus.Publish(rebuild, ct);
        return new RebuildKlantbeeldResponse { RebuildId = rebuild.RebuildId.ToString() };
    }
}
