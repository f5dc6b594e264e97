using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Common.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Data;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Grpc;
using Proto = Uwv.Contracts.Handover.V1;

namespace Uwv.Handover.Grpc;

[Authorize(Roles = Roles.CaseWorkers)]
public sealed class HandoverGrpcService(HandoverDbContext db, TimeProvider clock) : HandoverService.HandoverServiceBase
{
    public const string Requested = "requested";

    public override async Task<RequestHandoverResponse> RequestHandover(RequestHandoverRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        if (requestId is not null && await db.Handovers.AsNoTracking().FirstOrDefaultAsync(h => h.RequestId == requestId, ct) is { } repeat)
        {
            return new RequestHandoverResponse { Handover = ToProto(repeat) };
        }
        var clientId = Require.Id(request.ClientId, "client_id");
        var dossierId = Require.Id(request.DossierId, "dossier_id");
        var from = (DivisionCode)Require.Defined(request.FromDivision, "from_division");
        var to = (DivisionCode)Require.Defined(request.ToDivision, "to_division");
        if (from == to)
        {
            throw RpcErrors.InvalidArgument("to_division", "must differ from from_division");
        }
        var reason = Require.Text(request.Reason, "reason", 2000);

        var dossier = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.DossierId == dossierId, ct)
            ?? throw RpcErrors.NotFound("dossier", request.DossierId);
        if (dossier.ClientId != clientId)
        {
            throw RpcErrors.InvalidArgument("dossier_id", "belongs to another client");
        }
        var user = context.GetHttpContext().User;
        TeamScope.EnsureSameTeam(user, dossier.Team);
        if (dossier.Division != from)
        {
            throw RpcErrors.FailedPrecondition("owner-division", "a dossier can only be handed over by the division that owns it");
        }
        if (await db.Handovers.AnyAsync(h => h.DossierId == dossierId && h.State != "accepted" && h.State != "cancelled", ct))
        {
            throw RpcErrors.FailedPrecondition("one-open-handover", "the dossier already has an open handover");
        }
        var now = clock.GetUtcNow();
        var handover = new HandoverRecord
        {
            HandoverId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossierId,
            FromDivision = from,
            ToDivision = to,
            State = Requested,
            Reason = reason,
            RequestedBy = user.SubjectId(),
            Team = dossier.Team,
            RequestedAt = now,
            RequestId = requestId,
            Version = 1,
        };
        db.Handovers.Add(handover);
        db.Publish(new HandoverRequested(handover.HandoverId, clientId, dossierId, from, to, handover.State, now), now);
        await db.SaveChangesAsync(ct);
        return new RequestHandoverResponse { Handover = ToProto(handover) };
    }

    public override async Task<GetHandoverResponse> GetHandover(GetHandoverRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.HandoverId, "handover_id");
        var handover = await db.Handovers.AsNoTracking().FirstOrDefaultAsync(h => h.HandoverId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("handover", request.HandoverId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, handover.Team);
        return new GetHandoverResponse { Handover = ToProto(handover) };
    }

    private static Proto.Handover ToProto(HandoverRecord h) => new()
    {
        HandoverId = h.HandoverId.ToString(),
        ClientId = h.ClientId.ToString(),
        DossierId = h.DossierId.ToString(),
        FromDivision = (Division)(int)h.FromDivision,
        ToDivision = (Division)(int)h.ToDivision,
        State = h.State,
        Reason = h.Reason,
        RequestedBy = h.RequestedBy,
        RequestedAt = h.RequestedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
    };
}
