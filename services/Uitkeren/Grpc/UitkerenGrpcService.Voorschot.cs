using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Casework.V1;
using Uwv.Contracts.Events;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;

namespace Uwv.Uitkeren.Grpc;

/// <summary>The voorschot during a pending WIA claimbeoordeling: offer, call attempts (e-mail after three unanswered), start.</summary>
public sealed partial class UitkerenGrpcService
{
    private const string VoorschotSubject = "Voorschot WIA";

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<OfferVoorschotResponse> OfferVoorschot(OfferVoorschotRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Voorschotten.AsNoTracking()
                .FirstOrDefaultAsync(v => v.RequestedBy == user.SubjectId() && v.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new OfferVoorschotResponse { Voorschot = UitkerenMapper.ToProto(repeat) };
        }
        var today = Today();
        var amount = Amount(request.MonthlyAmountCents, "monthly_amount_cents");
        var aanvraagOn = Require.Date(request.WiaAanvraagOn, "wia_aanvraag_on", notAfter: today, notBefore: Earliest);
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        var claimDecided = await db.WiaClaimDecisions.AnyAsync(w => w.ClientId == clientId && w.DecisionDate >= aanvraagOn, ct);
        var hasWia = await db.Uitkeringen.AnyAsync(u => u.ClientId == clientId
            && (u.Type == UitkeringType.WiaWga || u.Type == UitkeringType.WiaIva) && (u.EndDate == null || u.EndDate >= today), ct);
        var hasOpen = await db.Voorschotten.AnyAsync(v => v.ClientId == clientId
            && (v.Status == VoorschotStatus.Aangeboden || v.Status == VoorschotStatus.Verstrekt), ct);
        VoorschotRules.Offer(claimDecided, hasWia, hasOpen).ThrowIfRefused();

        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.Uitkeren, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
        var voorschot = new VoorschotRecord
        {
            VoorschotId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            AreaTeam = client.AreaTeam,
            Status = VoorschotStatus.Aangeboden,
            MonthlyAmountCents = amount,
            WiaAanvraagOn = aanvraagOn,
            RequestId = requestId,
            RequestedBy = requestId is null ? null : user.SubjectId(),
            Version = 1,
        };
        db.Voorschotten.Add(voorschot);
        db.Publish(UitkerenMapper.Offered(voorschot, now), now);
        await db.SaveChangesAsync(ct);
        return new OfferVoorschotResponse { Voorschot = UitkerenMapper.ToProto(voorschot) };
    }

    [PersonalData("uitkeren")]
    public override async Task<GetVoorschotResponse> GetVoorschot(GetVoorschotRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.VoorschotId, "voorschot_id");
        var voorschot = await db.Voorschotten.AsNoTracking().FirstOrDefaultAsync(v => v.VoorschotId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("voorschot", request.VoorschotId);
        context.AuditClient(voorschot.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, voorschot.AreaTeam);
        return new GetVoorschotResponse { Voorschot = UitkerenMapper.ToProto(voorschot) };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<RecordVoorschotBelpogingResponse> RecordVoorschotBelpoging(RecordVoorschotBelpogingRequest request, ServerCallContext context)
    {
        var voorschot = await LoadVoorschotAsync(request.VoorschotId, request.ExpectedVersion, context);
        VoorschotRules.Call(voorschot.Status).ThrowIfRefused();
        var user = context.GetHttpContext().User;
        var now = clock.GetUtcNow();
        var (unanswered, sendEmail) = VoorschotRules.AfterCall(voorschot.UnansweredCalls, request.Reached);
        contacts.Add(DivisionCode.Uitkeren, voorschot.ClientId, voorschot.AreaTeam, ContactChannel.Phone, VoorschotSubject, request.Reached, now, user, now);
        if (sendEmail)
        {
            contacts.Add(DivisionCode.Uitkeren, voorschot.ClientId, voorschot.AreaTeam, ContactChannel.Email,
                VoorschotSubject + ": e-mail na drie onbeantwoorde belpogingen", false, now, user, now);
            voorschot.EmailSentOn = Today();
        }
        voorschot.UnansweredCalls = unanswered;
        voorschot.Version++;
        db.Publish(UitkerenMapper.Updated(voorschot, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        return new RecordVoorschotBelpogingResponse { Voorschot = UitkerenMapper.ToProto(voorschot), EmailSent = sendEmail };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<StartVoorschotResponse> StartVoorschot(StartVoorschotRequest request, ServerCallContext context)
    {
        var start = Require.Date(request.StartDate, "start_date", notAfter: Today().AddMonths(3), notBefore: Earliest);
        var voorschot = await LoadVoorschotAsync(request.VoorschotId, request.ExpectedVersion, context);
        if (start < voorschot.WiaAanvraagOn)
        {
            throw RpcErrors.InvalidArgument("start_date", $"must not be before the WIA aanvraag ({voorschot.WiaAanvraagOn:yyyy-MM-dd})");
        }
        VoorschotRules.Start(voorschot.Status).ThrowIfRefused();
        var now = clock.GetUtcNow();
        voorschot.Status = VoorschotStatus.Verstrekt;
        voorschot.StartDate = start;
        voorschot.Version++;
        db.Publish(UitkerenMapper.Updated(voorschot, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        return new StartVoorschotResponse { Voorschot = UitkerenMapper.ToProto(voorschot) };
    }

    private async Task<VoorschotRecord> LoadVoorschotAsync(string rawId, long expectedVersion, ServerCallContext context)
    {
        var id = Require.Id(rawId, "voorschot_id");
        var voorschot = await db.Voorschotten.FirstOrDefaultAsync(v => v.VoorschotId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("voorschot", rawId);
        context.AuditClient(voorschot.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, voorschot.AreaTeam);
        ExpectedVersion.Check(expectedVersion, voorschot.Version, "voorschot");
        return voorschot;
    }
}
