using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Werkbedrijf.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Dossiers;
using Uwv.ServiceDefaults.Grpc;
using Uwv.Werkbedrijf.Data;
using Uwv.Werkbedrijf.Domain;

namespace Uwv.Werkbedrijf.Grpc;

/// <summary>Herbeoordelingsverzoeken to SMZ: a first-class, counted cross-division request.</summary>
public sealed partial class WerkbedrijfGrpcService
{
    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf", Writes = true)]
    public override async Task<OpenHerbeoordelingsverzoekResponse> OpenHerbeoordelingsverzoek(OpenHerbeoordelingsverzoekRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var requestId = Require.RequestId(request.RequestId);
        var user = context.GetHttpContext().User;
        if (requestId is not null && await db.Herbeoordelingsverzoeken.AsNoTracking()
                .FirstOrDefaultAsync(v => v.OpenedBy == user.SubjectId() && v.RequestId == requestId, ct) is { } repeat)
        {
            await dossiers.EnsureMayRepeatAsync(repeat.ClientId, repeat.AreaTeam, user, ct);
            return new OpenHerbeoordelingsverzoekResponse { Verzoek = WerkbedrijfMapper.ToProto(repeat) };
        }
        var reason = Require.Text(request.Reason, "reason", WerkbedrijfDbContext.MaxText);
        var (clientId, client) = await dossiers.RequireClientAsync(request.ClientId, user, ct);
        var unanswered = await db.Herbeoordelingsverzoeken.AnyAsync(v => v.ClientId == clientId && v.State != VerzoekState.Answered, ct);
        VerzoekProgress.Open(unanswered).ThrowIfRefused();
        var dossier = await dossiers.EnsureOpenAsync(DivisionCode.Werkbedrijf, clientId, client.AreaTeam, user, ct);
        var now = clock.GetUtcNow();
        var verzoek = new HerbeoordelingsverzoekRecord
        {
            VerzoekId = Guid.NewGuid(),
            ClientId = clientId,
            DossierId = dossier.DossierId,
            AreaTeam = client.AreaTeam,
            Reason = reason,
            State = VerzoekState.Open,
            OpenedAt = now,
            OpenedBy = user.SubjectId(),
            RequestId = requestId,
        };
        db.Herbeoordelingsverzoeken.Add(verzoek);
        db.Publish(new HerbeoordelingsverzoekOpened(verzoek.VerzoekId, clientId, dossier.DossierId, client.AreaTeam, reason, now), now);
        await db.SaveChangesAsync(ct);
        return new OpenHerbeoordelingsverzoekResponse { Verzoek = WerkbedrijfMapper.ToProto(verzoek) };
    }

    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf")]
    public override async Task<GetHerbeoordelingsverzoekResponse> GetHerbeoordelingsverzoek(GetHerbeoordelingsverzoekRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.VerzoekId, "verzoek_id");
        var verzoek = await db.Herbeoordelingsverzoeken.AsNoTracking().FirstOrDefaultAsync(v => v.VerzoekId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("herbeoordelingsverzoek", request.VerzoekId);
        context.AuditClient(verzoek.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, verzoek.AreaTeam);
        return new GetHerbeoordelingsverzoekResponse { Verzoek = WerkbedrijfMapper.ToProto(verzoek) };
    }

    /// <summary>The caller's area team's verzoeken, the oldest first.</summary>
    [Authorize(Roles = Roles.Werkbedrijf)]
    [PersonalData("werkbedrijf")]
    public override async Task<ListHerbeoordelingsverzoekenResponse> ListHerbeoordelingsverzoeken(ListHerbeoordelingsverzoekenRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        if (request.State != VerzoekState.Unspecified && !Enum.IsDefined(request.State))
        {
            throw RpcErrors.InvalidArgument("state", "is not a verzoek state");
        }
        var team = context.GetHttpContext().User.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var page = await db.Herbeoordelingsverzoeken.AsNoTracking()
            .Where(v => v.AreaTeam == team && (request.State == VerzoekState.Unspecified || v.State == request.State))
            .OrderBy(v => v.OpenedAt).ThenBy(v => v.VerzoekId)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListHerbeoordelingsverzoekenResponse
        {
            Verzoeken = { page.Take(size).Select(WerkbedrijfMapper.ToProto) },
            NextPageToken = ContactMapper.NextToken(offset, size, page.Count),
        };
    }

    /// <summary>Counts per area team: a manager sees every team (or one), anyone else only their own. No personal data.</summary>
    [Authorize(Roles = Roles.Werkbedrijf + "," + Roles.Manager)]
    [NoPersonalData("aggregates only: counts per area team and state, no client")]
    public override async Task<CountHerbeoordelingsverzoekenResponse> CountHerbeoordelingsverzoeken(CountHerbeoordelingsverzoekenRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var team = Require.OptionalText(request.AreaTeam, "area_team", 64);
        if (!user.IsInRole(Roles.Manager))
        {
            team ??= user.TeamOf();
            TeamScope.EnsureSameTeam(user, team ?? "");
        }
        var rows = await db.Herbeoordelingsverzoeken.AsNoTracking()
            .Where(v => team == null || v.AreaTeam == team)
            .Select(v => new { v.AreaTeam, v.State, v.AoChanged })
            .ToListAsync(context.CancellationToken);
        var tallies = VerzoekProgress.Count(rows.Select(r => (r.AreaTeam, r.State, r.AoChanged)));
        return new CountHerbeoordelingsverzoekenResponse
        {
            Teams = { tallies.Select(ToProto) },
            Total = ToProto(new VerzoekTally(team ?? "*", tallies.Sum(t => t.Open), tallies.Sum(t => t.PickedUp), tallies.Sum(t => t.Answered),
                tallies.Sum(t => t.AnsweredAoChanged))),
        };
    }

    private static VerzoekCounts ToProto(VerzoekTally t) => new()
    {
        AreaTeam = t.AreaTeam, Open = t.Open, PickedUp = t.PickedUp, Answered = t.Answered, Unanswered = t.Unanswered, AnsweredAoChanged = t.AnsweredAoChanged,
    };
}
