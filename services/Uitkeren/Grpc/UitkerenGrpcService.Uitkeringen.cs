using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;

namespace Uwv.Uitkeren.Grpc;

/// <summary>Uitkeringen: grant (settling a running voorschot for a WIA uitkering), end, and the samenloop on a day.</summary>
public sealed partial class UitkerenGrpcService
{
    [PersonalData("uitkeren", Writes = true)]
    public override async Task<GrantUitkeringResponse> GrantUitkering(GrantUitkeringRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Uitkeringen.AsNoTracking()
                .FirstOrDefaultAsync(u => u.GrantedBy == user.SubjectId() && u.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new GrantUitkeringResponse { Uitkering = UitkerenMapper.ToProto(repeat) };
        }
        var today = Today();
        var type = Require.Defined(request.Type, "type");
        var start = Require.Date(request.StartDate, "start_date", notAfter: today.AddYears(1), notBefore: Earliest);
        DateOnly? end = string.IsNullOrWhiteSpace(request.EndDate) ? null : Require.Date(request.EndDate, "end_date", notBefore: start);
        var amount = Amount(request.MonthlyAmountCents, "monthly_amount_cents");
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        var existing = await UitkeringenOf(clientId, ct);
        Samenloop.Grant(existing.Select(UitkerenMapper.Period), type, start, end).ThrowIfRefused();

        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.Uitkeren, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
        var uitkering = new UitkeringRecord
        {
            UitkeringId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            AreaTeam = client.AreaTeam,
            Type = type,
            StartDate = start,
            EndDate = end,
            MonthlyAmountCents = amount,
            GrantedBy = user.SubjectId(),
            GrantedAt = now,
            RequestId = requestId,
            Version = 1,
        };
        db.Uitkeringen.Add(uitkering);
        db.Publish(UitkerenMapper.Granted(uitkering, now), now);
        var settlement = Samenloop.IsWia(type) ? await SettleVoorschotAsync(uitkering, user.SubjectId(), today, now, ct) : null;
        await db.SaveChangesAsync(ct);
        return new GrantUitkeringResponse { Uitkering = UitkerenMapper.ToProto(uitkering), VoorschotSettlement = settlement };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<EndUitkeringResponse> EndUitkering(EndUitkeringRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.UitkeringId, "uitkering_id");
        var end = Require.Date(request.EndDate, "end_date", notBefore: Earliest);
        var uitkering = await db.Uitkeringen.FirstOrDefaultAsync(u => u.UitkeringId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("uitkering", request.UitkeringId);
        context.AuditClient(uitkering.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, uitkering.AreaTeam);
        ExpectedVersion.Check(request.ExpectedVersion, uitkering.Version, "uitkering");
        if (end < uitkering.StartDate)
        {
            throw RpcErrors.InvalidArgument("end_date", $"must not be before the start date ({uitkering.StartDate:yyyy-MM-dd})");
        }
        var now = clock.GetUtcNow();
        uitkering.EndDate = end;
        uitkering.Version++;
        db.Publish(UitkerenMapper.Ended(uitkering, now), now);
        await db.SaveChangesAsync(context.CancellationToken);
        return new EndUitkeringResponse { Uitkering = UitkerenMapper.ToProto(uitkering) };
    }

    [PersonalData("uitkeren")]
    public override async Task<ListUitkeringenResponse> ListUitkeringen(ListUitkeringenRequest request, ServerCallContext context)
    {
        DateOnly asOf = string.IsNullOrWhiteSpace(request.AsOf) ? Today() : Require.Date(request.AsOf, "as_of", notBefore: Earliest);
        var (clientId, _) = await dossiers.RequireClientAsync(request.ClientId, context.GetHttpContext().User, context.CancellationToken);
        var all = await db.Uitkeringen.AsNoTracking().Where(u => u.ClientId == clientId).OrderBy(u => u.StartDate).ToListAsync(context.CancellationToken);
        var current = Samenloop.Current(all.Select(UitkerenMapper.Period), asOf).Select(p => all.Single(u => u.UitkeringId == p.UitkeringId)).ToList();
        return new ListUitkeringenResponse
        {
            Uitkeringen = { all.Select(UitkerenMapper.ToProto) },
            Current = { current.Select(UitkerenMapper.ToProto) },
            CurrentMonthlyTotalCents = current.Sum(u => u.MonthlyAmountCents),
        };
    }

    /// <summary>
    /// A WIA uitkering ends the voorschot: a running one is settled (an overpayment becomes a terugvordering), an offered
    /// one is withdrawn. Changes join the caller's transaction.
    /// </summary>
    private async Task<VoorschotSettlement?> SettleVoorschotAsync(UitkeringRecord uitkering, string by, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var voorschot = await db.Voorschotten.FirstOrDefaultAsync(v => v.ClientId == uitkering.ClientId
            && (v.Status == VoorschotStatus.Aangeboden || v.Status == VoorschotStatus.Verstrekt), ct);
        if (voorschot is null)
        {
            return null;
        }
        voorschot.SettledOn = today;
        voorschot.Version++;
        if (voorschot.Status == VoorschotStatus.Aangeboden)
        {
            voorschot.Status = VoorschotStatus.Ingetrokken;
            db.Publish(UitkerenMapper.Updated(voorschot, now), now);
            return null;
        }
        voorschot.Status = VoorschotStatus.Verrekend;
        db.Publish(UitkerenMapper.Updated(voorschot, now), now);
        var result = VerrekeningRules.SettleVoorschot(voorschot.StartDate!.Value, voorschot.MonthlyAmountCents, uitkering.StartDate, uitkering.MonthlyAmountCents, today);
        if (result.TerugvorderingCents > 0)
        {
            AddTerugvordering(uitkering.ClientId, uitkering.AreaTeam, uitkering.UitkeringId, voorschot.VoorschotId, result.TerugvorderingCents,
                $"Voorschot WIA over {result.Months} maanden hoger dan de toegekende {Samenloop.Name(uitkering.Type)}-uitkering", null, by, now);
        }
        return new VoorschotSettlement
        {
            VoorschotId = voorschot.VoorschotId.ToString(),
            Months = result.Months,
            VoorschotPaidCents = result.VoorschotPaidCents,
            UitkeringDueCents = result.UitkeringDueCents,
            TerugvorderingCents = result.TerugvorderingCents,
            NabetalingCents = result.NabetalingCents,
        };
    }
}
