using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Smz.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Smz.Data;
using Uwv.Smz.Domain;

namespace Uwv.Smz.Grpc;

/// <summary>Herkeuringsaanvragen and the procesbegeleider's call within five calendar days; the yearly WGA 80-100 contact.</summary>
public sealed partial class SmzGrpcService
{
    private const string HerkeuringSubject = "Herkeuringsaanvraag: een herkeuring kan twee kanten op gaan";

    [PersonalData("smz", Writes = true)]
    public override async Task<RegisterHerkeuringsaanvraagResponse> RegisterHerkeuringsaanvraag(RegisterHerkeuringsaanvraagRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = Today();
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Herkeuringsaanvragen.AsNoTracking()
                .FirstOrDefaultAsync(h => h.RegisteredBy == user.SubjectId() && h.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new RegisterHerkeuringsaanvraagResponse { Aanvraag = SmzMapper.ToProto(repeat, today) };
        }
        var receivedOn = Require.Date(request.ReceivedOn, "received_on", notAfter: today, notBefore: new DateOnly(2000, 1, 1));
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        if (await db.Herkeuringsaanvragen.AnyAsync(h => h.ClientId == clientId && h.CalledOn == null, ct))
        {
            throw RpcErrors.FailedPrecondition("one-open-herkeuringsaanvraag", "the client's earlier herkeuringsaanvraag still awaits its call");
        }
        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.Smz, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
        var aanvraag = new HerkeuringsaanvraagRecord
        {
            AanvraagId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            AreaTeam = client.AreaTeam,
            ReceivedOn = receivedOn,
            CallDueOn = HerkeuringSla.CallDue(receivedOn),
            RegisteredBy = user.SubjectId(),
            RequestId = requestId,
            Version = 1,
        };
        db.Herkeuringsaanvragen.Add(aanvraag);
        SmzNormDeadlines.SetHerkeuringCall(db, aanvraag, office, now);
        db.Publish(SmzMapper.Received(aanvraag, now), now);
        await db.SaveChangesAsync(ct);
        return new RegisterHerkeuringsaanvraagResponse { Aanvraag = SmzMapper.ToProto(aanvraag, today) };
    }

    /// <summary>One herkeuringsaanvraag of the caller's area team (an SMZ role), as it is now.</summary>
    [PersonalData("smz")]
    public override async Task<GetHerkeuringsaanvraagResponse> GetHerkeuringsaanvraag(GetHerkeuringsaanvraagRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.AanvraagId, "aanvraag_id");
        var aanvraag = await db.Herkeuringsaanvragen.AsNoTracking().FirstOrDefaultAsync(h => h.AanvraagId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("herkeuringsaanvraag", request.AanvraagId);
        context.AuditClient(aanvraag.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, aanvraag.AreaTeam);
        return new GetHerkeuringsaanvraagResponse { Aanvraag = SmzMapper.ToProto(aanvraag, Today()) };
    }

    /// <summary>The procesbegeleider (or teamleider) calls; the call is logged as a contact either way.</summary>
    [Authorize(Roles = Roles.Procesbegeleider + "," + Roles.Teamleider)]
    [PersonalData("smz", Writes = true)]
    public override async Task<RecordHerkeuringCallResponse> RecordHerkeuringCall(RecordHerkeuringCallRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var today = Today();
        var calledOn = Require.Date(request.CalledOn, "called_on", notAfter: today);
        var id = Require.Id(request.AanvraagId, "aanvraag_id");
        var aanvraag = await db.Herkeuringsaanvragen.FirstOrDefaultAsync(h => h.AanvraagId == id, ct)
            ?? throw RpcErrors.NotFound("herkeuringsaanvraag", request.AanvraagId);
        context.AuditClient(aanvraag.ClientId);
        var user = context.GetHttpContext().User;
        TeamScope.EnsureSameTeam(user, aanvraag.AreaTeam);
        ExpectedVersion.Check(request.ExpectedVersion, aanvraag.Version, "herkeuringsaanvraag");
        if (calledOn < aanvraag.ReceivedOn)
        {
            throw RpcErrors.InvalidArgument("called_on", $"must not be before received_on ({aanvraag.ReceivedOn:yyyy-MM-dd})");
        }
        if (aanvraag.CalledOn is not null)
        {
            throw RpcErrors.FailedPrecondition("herkeuring-call-open", "the client was already reached about this herkeuringsaanvraag");
        }
        var now = clock.GetUtcNow();
        if (request.Reached)
        {
            aanvraag.CalledOn = calledOn;
            await SmzNormDeadlines.ResolveHerkeuringCallAsync(db, aanvraag, office, now, ct);
            await NoteWga80100ContactAsync(aanvraag.ClientId, calledOn, ct);
        }
        else
        {
            aanvraag.UnansweredCalls++;
        }
        aanvraag.Version++;
        contacts.Add(DivisionCode.Smz, aanvraag.ClientId, aanvraag.AreaTeam, ContactChannel.Phone, HerkeuringSubject, request.Reached, now, user, now);
        db.Publish(SmzMapper.CallRecorded(aanvraag, now), now);
        await db.SaveChangesAsync(ct);
        return new RecordHerkeuringCallResponse { Aanvraag = SmzMapper.ToProto(aanvraag, today) };
    }

    /// <summary>Not called by the due day, the caller's area team, the earliest due first.</summary>
    [PersonalData("smz")]
    public override async Task<ListLateHerkeuringCallsResponse> ListLateHerkeuringCalls(ListLateHerkeuringCallsRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        var team = context.GetHttpContext().User.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var today = Today();
        var page = await db.Herkeuringsaanvragen.AsNoTracking()
            .Where(h => h.AreaTeam == team && h.CalledOn == null && h.CallDueOn < today)
            .OrderBy(h => h.CallDueOn).ThenBy(h => h.AanvraagId)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListLateHerkeuringCallsResponse
        {
            Aanvragen = { page.Take(size).Select(h => SmzMapper.ToProto(h, today)) },
            NextPageToken = ContactMapper.NextToken(offset, size, page.Count),
        };
    }

    /// <summary>WGA 80-100 clients of the caller's area team whose yearly contact is due (or due soon), the earliest first.</summary>
    [PersonalData("smz")]
    public override async Task<ListWga80100ContactsDueResponse> ListWga80100ContactsDue(ListWga80100ContactsDueRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        if (request.WithinDays is < 0 or > 366)
        {
            throw RpcErrors.InvalidArgument("within_days", "must be 0 to 366");
        }
        var team = context.GetHttpContext().User.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var today = Today();
        var until = Wga80100Monitoring.ListedUntil(today, request.WithinDays);
        var page = await db.Wga80100Monitoring.AsNoTracking()
            .Where(w => w.AreaTeam == team && w.NextContactDueOn <= until)
            .OrderBy(w => w.NextContactDueOn).ThenBy(w => w.ClientId)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListWga80100ContactsDueResponse
        {
            Contacts = { page.Take(size).Select(w => SmzMapper.ToProto(w, today)) },
            NextPageToken = ContactMapper.NextToken(offset, size, page.Count),
        };
    }
}
