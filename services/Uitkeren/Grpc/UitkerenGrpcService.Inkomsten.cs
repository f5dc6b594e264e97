using System.Globalization;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Uitkeren.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Uitkeren.Data;
using Uwv.Uitkeren.Domain;

namespace Uwv.Uitkeren.Grpc;

/// <summary>Inkomstenverrekening from polisadministratie signals, and terugvorderingen.</summary>
public sealed partial class UitkerenGrpcService
{
    private static readonly UitkeringType[] IncomeDeductedFrom = [UitkeringType.Ww, UitkeringType.WiaWga, UitkeringType.Ziektewet];

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<RecordInkomstenSignaalResponse> RecordInkomstenSignaal(RecordInkomstenSignaalRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.InkomstenSignalen.AsNoTracking()
                .FirstOrDefaultAsync(s => s.RecordedBy == user.SubjectId() && s.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.RequireClientAsync(repeat.ClientId.ToString(), user, ct);
            return await SignaalResponseAsync(repeat, ct);
        }
        var today = Today();
        var periodStart = Period(request.Period, today);
        var income = Amount(request.IncomeCents, "income_cents", min: 0);
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        var period = request.Period.Trim();
        var current = await db.InkomstenSignalen
            .FirstOrDefaultAsync(s => s.ClientId == clientId && s.Period == period && s.ReplacedBySignaalId == null, ct);
        if (current is not null && !InkomstenSignaalRules.IsCorrection(current.IncomeCents, income))
        {
            throw RpcErrors.AlreadyExists($"an inkomsten signal for {period} with this income is already recorded for this client");
        }
        var periodEnd = periodStart.AddMonths(1).AddDays(-1);
        var eligible = (await UitkeringenOf(clientId, ct))
            .Where(u => IncomeDeductedFrom.Contains(u.Type) && UitkerenMapper.Period(u).Overlaps(periodStart, periodEnd))
            .ToList();
        var now = clock.GetUtcNow();
        var signaal = new InkomstenSignaalRecord
        {
            SignaalId = Guid.NewGuid(), ClientId = clientId, Period = period, IncomeCents = income, RecordedAt = now, RequestId = requestId, RecordedBy = user.SubjectId(),
            AreaTeam = client.AreaTeam, Status = InkomstenSignaalRules.StatusFor(eligible.Count),
        };
        if (current is not null)
        {
            // A corrected signal replaces the month's current one, which stays as history (and leaves the worklist).
            (signaal.Revision, signaal.ReplacesSignaalId) = (current.Revision + 1, current.SignaalId);
            (current.Status, current.ReplacedBySignaalId) = (InkomstenSignaalRules.Vervangen, signaal.SignaalId);
            current.Version++;
        }
        db.InkomstenSignalen.Add(signaal);
        if (signaal.Status == InkomstenSignaalRules.TeBeoordelen)
        {
            // Never dropped: nothing to deduct it from, so an uitkeringsdeskundige of the team reviews it.
            await dossiers.EnsureOpenAsync(DivisionCode.Uitkeren, clientId, client.AreaTeam, user, ct);
            await db.SaveChangesAsync(ct);
            return await SignaalResponseAsync(signaal, ct);
        }
        var corrected = VerrekeningRules.DeductIncome(income, options.Value.InkomstenVerrekeningPercentage,
            eligible.Select(u => (u.UitkeringId, u.MonthlyAmountCents)));
        var deductions = current is null ? corrected : InkomstenSignaalRules.Adjustments(await DeductedAsync(clientId, period, ct), corrected);
        var total = deductions.Sum(d => d.DeductedCents);
        var paid = VerrekeningRules.IsPaid(periodStart, today);
        if (current is not null && InkomstenSignaalRules.StatusForCorrection(eligible.Count, total, paid) == InkomstenSignaalRules.TeBeoordelen)
        {
            // The correction lowers what a paid month recovered: an uitkeringsdeskundige reviews the repayment.
            signaal.Status = InkomstenSignaalRules.TeBeoordelen;
        }
        foreach (var d in deductions)
        {
            db.Verrekeningen.Add(new VerrekeningRecord { SignaalId = signaal.SignaalId, UitkeringId = d.UitkeringId, DeductedCents = d.DeductedCents });
            db.Publish(new InkomstenVerrekend(signaal.SignaalId, clientId, d.UitkeringId, period, income, d.DeductedCents, now), now);
        }
        if (total > 0 && paid)
        {
            // The month was paid in full before the signal came: the deduction is now an overpayment.
            AddTerugvordering(clientId, client.AreaTeam, deductions.First(d => d.DeductedCents > 0).UitkeringId, signaal.SignaalId, total,
                current is null
                    ? $"Inkomsten over {period} (polisadministratie) na betaling verrekend"
                    : $"Gecorrigeerde inkomsten over {period} (polisadministratie) na betaling verrekend",
                null, user.SubjectId(), now);
        }
        await db.SaveChangesAsync(ct);
        return await SignaalResponseAsync(signaal, ct);
    }

    /// <summary>What the month's signals deducted so far, per uitkering, in the order they were recorded.</summary>
    private async Task<IReadOnlyList<Deduction>> DeductedAsync(Guid clientId, string period, CancellationToken ct)
    {
        var signalen = db.InkomstenSignalen.Where(s => s.ClientId == clientId && s.Period == period).Select(s => s.SignaalId);
        var rows = await db.Verrekeningen.AsNoTracking().Where(v => signalen.Contains(v.SignaalId)).OrderBy(v => v.Id).ToListAsync(ct);
        return rows.ConvertAll(v => new Deduction(v.UitkeringId, v.DeductedCents));
    }

    [PersonalData("uitkeren")]
    public override async Task<ListInkomstenSignalenResponse> ListInkomstenSignalen(ListInkomstenSignalenRequest request, ServerCallContext context)
    {
        var (clientId, _) = await dossiers.RequireClientAsync(request.ClientId, context.GetHttpContext().User, context.CancellationToken);
        var all = await db.InkomstenSignalen.AsNoTracking().Where(s => s.ClientId == clientId).ToListAsync(context.CancellationToken);
        return new ListInkomstenSignalenResponse
        {
            Signalen = { all.OrderBy(s => s.Period, StringComparer.Ordinal).ThenBy(s => s.Revision).Select(ToProto) },
        };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<RecordTerugvorderingResponse> RecordTerugvordering(RecordTerugvorderingRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Terugvorderingen.AsNoTracking()
                .FirstOrDefaultAsync(t => t.RecordedBy == user.SubjectId() && t.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new RecordTerugvorderingResponse { Terugvordering = UitkerenMapper.ToProto(repeat) };
        }
        var amount = Amount(request.AmountCents, "amount_cents");
        var reason = Require.Text(request.Reason, "reason", UitkerenDbContext.MaxReason);
        Guid? uitkeringId = string.IsNullOrWhiteSpace(request.UitkeringId) ? null : Require.Id(request.UitkeringId, "uitkering_id");
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        if (uitkeringId is { } id && !await db.Uitkeringen.AnyAsync(u => u.UitkeringId == id && u.ClientId == clientId, ct))
        {
            throw RpcErrors.NotFound("uitkering of this client", request.UitkeringId);
        }
        await dossiers.EnsureOpenAsync(DivisionCode.Uitkeren, clientId, client.AreaTeam, user, ct);
        var terugvordering = AddTerugvordering(clientId, client.AreaTeam, uitkeringId, null, amount, reason, requestId, user.SubjectId(), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new RecordTerugvorderingResponse { Terugvordering = UitkerenMapper.ToProto(terugvordering) };
    }

    [PersonalData("uitkeren")]
    public override async Task<ListTerugvorderingenResponse> ListTerugvorderingen(ListTerugvorderingenRequest request, ServerCallContext context)
    {
        var (clientId, _) = await dossiers.RequireClientAsync(request.ClientId, context.GetHttpContext().User, context.CancellationToken);
        var all = await db.Terugvorderingen.AsNoTracking().Where(t => t.ClientId == clientId)
            .OrderBy(t => t.RecordedOn).ThenBy(t => t.TerugvorderingId).ToListAsync(context.CancellationToken);
        return new ListTerugvorderingenResponse { Terugvorderingen = { all.Select(UitkerenMapper.ToProto) } };
    }

    private async Task<RecordInkomstenSignaalResponse> SignaalResponseAsync(InkomstenSignaalRecord signaal, CancellationToken ct)
    {
        var verrekeningen = await db.Verrekeningen.AsNoTracking().Where(v => v.SignaalId == signaal.SignaalId).OrderBy(v => v.Id).ToListAsync(ct);
        var terugvordering = db.Terugvorderingen.Local.FirstOrDefault(t => t.SourceId == signaal.SignaalId)
            ?? await db.Terugvorderingen.AsNoTracking().FirstOrDefaultAsync(t => t.SourceId == signaal.SignaalId, ct);
        return new RecordInkomstenSignaalResponse
        {
            Verrekeningen =
            {
                verrekeningen.Select(v => new Verrekening
                {
                    UitkeringId = v.UitkeringId.ToString(), Period = signaal.Period, IncomeCents = signaal.IncomeCents, DeductedCents = v.DeductedCents,
                }),
            },
            Terugvordering = terugvordering is null ? null : UitkerenMapper.ToProto(terugvordering),
            Signaal = ToProto(signaal),
        };
    }

    [PersonalData("uitkeren")]
    public override async Task<ListInkomstenSignalenTeBeoordelenResponse> ListInkomstenSignalenTeBeoordelen(
        ListInkomstenSignalenTeBeoordelenRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        var team = context.GetHttpContext().User.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var page = (await db.InkomstenSignalen.AsNoTracking()
                .Where(s => s.AreaTeam == team && s.Status == InkomstenSignaalRules.TeBeoordelen)
                .ToListAsync(context.CancellationToken))
            .OrderBy(s => s.RecordedAt).ThenBy(s => s.SignaalId)
            .Skip(offset).Take(size + 1)
            .ToList();
        return new ListInkomstenSignalenTeBeoordelenResponse
        {
            Signalen = { page.Take(size).Select(ToProto) },
            NextPageToken = ContactMapper.NextToken(offset, size, page.Count),
        };
    }

    [PersonalData("uitkeren", Writes = true)]
    public override async Task<CompleteInkomstenSignaalReviewResponse> CompleteInkomstenSignaalReview(
        CompleteInkomstenSignaalReviewRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var id = Require.Id(request.SignaalId, "signaal_id");
        var note = Require.Text(request.Note, "note", UitkerenDbContext.MaxReason);
        var signaal = await db.InkomstenSignalen.FirstOrDefaultAsync(s => s.SignaalId == id, ct)
            ?? throw RpcErrors.NotFound("inkomsten signal", request.SignaalId);
        context.AuditClient(signaal.ClientId);
        var user = context.GetHttpContext().User;
        TeamScope.EnsureSameTeam(user, signaal.AreaTeam);
        ExpectedVersion.Check(request.ExpectedVersion, signaal.Version, "inkomsten signal");
        InkomstenSignaalRules.MayCompleteReview(signaal.Status).ThrowIfRefused();
        (signaal.Status, signaal.ReviewNote, signaal.ReviewedBy, signaal.ReviewedAt) = (InkomstenSignaalRules.Beoordeeld, note, user.SubjectId(), clock.GetUtcNow());
        signaal.Version++;
        await db.SaveChangesAsync(ct);
        return new CompleteInkomstenSignaalReviewResponse { Signaal = ToProto(signaal) };
    }

    private static InkomstenSignaal ToProto(InkomstenSignaalRecord s) => new()
    {
        SignaalId = s.SignaalId.ToString(),
        ClientId = s.ClientId.ToString(),
        AreaTeam = s.AreaTeam,
        Period = s.Period,
        IncomeCents = s.IncomeCents,
        Status = s.Status,
        RecordedAt = s.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        ReviewNote = s.ReviewNote ?? "",
        ReviewedBy = s.ReviewedBy ?? "",
        ReviewedAt = s.ReviewedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) ?? "",
        Version = s.Version,
        Revision = s.Revision,
        ReplacesSignaalId = s.ReplacesSignaalId?.ToString() ?? "",
        ReplacedBySignaalId = s.ReplacedBySignaalId?.ToString() ?? "",
    };

    /// <summary>A month as yyyy-MM, not in the future: its first day.</summary>
    private static DateOnly Period(string value, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateOnly.TryParseExact(value.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            throw RpcErrors.InvalidArgument("period", "must be a month in the form yyyy-MM");
        }
        if (start > today || start < Earliest)
        {
            throw RpcErrors.InvalidArgument("period", "must be a month that has begun, from 2000 on");
        }
        return start;
    }
}
