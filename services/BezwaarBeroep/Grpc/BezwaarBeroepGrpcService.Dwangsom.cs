using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.BezwaarBeroep.Data;
using Uwv.BezwaarBeroep.Domain;
using Uwv.Contracts.BezwaarBeroep.V1;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.ServiceDefaults.Contacts;
using Uwv.ServiceDefaults.Grpc;

namespace Uwv.BezwaarBeroep.Grpc;

/// <summary>Deadlines and dwangsom exposure: per bezwaar for the jurist, per area team (aggregates only) for managers.</summary>
public sealed partial class BezwaarBeroepGrpcService
{
    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep")]
    public override async Task<GetDwangsomExposureResponse> GetDwangsomExposure(GetDwangsomExposureRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.BezwaarId, "bezwaar_id");
        var bezwaar = await db.Bezwaren.AsNoTracking().FirstOrDefaultAsync(b => b.BezwaarId == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("bezwaar", request.BezwaarId);
        context.AuditClient(bezwaar.ClientId);
        TeamScope.EnsureSameTeam(context.GetHttpContext().User, bezwaar.AreaTeam);
        var today = Today();
        var amount = Dwangsom.On(bezwaar.IngebrekestellingReceivedOn, bezwaar.DecidedOn, bezwaar.Kennelijk, today, dwangsom.Value, office.WorkingDays);
        return new GetDwangsomExposureResponse { Exposure = BezwaarMapper.ToProto(bezwaar, amount, today) };
    }

    /// <summary>
    /// A manager sees every area team (or one); a teamleider and a jurist only their own (the jurist handles those
    /// bezwaren and sees each of them already: the sum tells nothing more). Counts and amounts, never a client. The
    /// accrued total includes what decided bezwaren accrued before their decision (that dwangsom is owed); the counts and
    /// what may still be added concern the open bezwaren.
    /// </summary>
    [Authorize(Roles = Roles.Manager + "," + Roles.Teamleider + "," + Roles.Jurist)]
    [NoPersonalData("aggregates only: counts and amounts per area team, no client or bezwaar")]
    public override async Task<GetDwangsomExposureSummaryResponse> GetDwangsomExposureSummary(GetDwangsomExposureSummaryRequest request, ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        var team = Require.OptionalText(request.AreaTeam, "area_team", 64);
        if (!user.IsInRole(Roles.Manager))
        {
            team ??= user.TeamOf();
            TeamScope.EnsureSameTeam(user, team ?? "");
        }
        var relevant = await db.Bezwaren.AsNoTracking()
            .Where(b => (b.Status == BezwaarStatus.InBehandeling || b.IngebrekestellingReceivedOn != null) && (team == null || b.AreaTeam == team))
            .Select(b => new { b.AreaTeam, b.Status, b.BeslistermijnEndsOn, b.IngebrekestellingReceivedOn, b.DecidedOn, b.Kennelijk })
            .ToListAsync(context.CancellationToken);
        var today = Today();
        var teams = relevant.GroupBy(b => b.AreaTeam).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var open = g.Where(b => b.Status == BezwaarStatus.InBehandeling).ToList();
            var amounts = open.Select(b => Dwangsom.On(b.IngebrekestellingReceivedOn, null, false, today, dwangsom.Value, office.WorkingDays)).ToList();
            var decided = g.Where(b => b.Status != BezwaarStatus.InBehandeling)
                .Select(b => Dwangsom.On(b.IngebrekestellingReceivedOn, b.DecidedOn, b.Kennelijk, today, dwangsom.Value, office.WorkingDays));
            return new TeamDwangsomExposure
            {
                AreaTeam = g.Key,
                OpenBezwaren = open.Count,
                PastBeslistermijn = open.Count(b => b.BeslistermijnEndsOn is { } end && end < today),
                DwangsomRunning = amounts.Count(a => a.Days > 0),
                AccruedCents = amounts.Sum(a => a.AccruedCents) + decided.Sum(a => a.AccruedCents),
                StillPossibleCents = amounts.Where(a => a.From is not null).Sum(a => a.StillPossibleCents),
            };
        }).ToList();
        return new GetDwangsomExposureSummaryResponse
        {
            Teams = { teams },
            Total = new TeamDwangsomExposure
            {
                AreaTeam = team ?? "*",
                OpenBezwaren = teams.Sum(t => t.OpenBezwaren),
                PastBeslistermijn = teams.Sum(t => t.PastBeslistermijn),
                DwangsomRunning = teams.Sum(t => t.DwangsomRunning),
                AccruedCents = teams.Sum(t => t.AccruedCents),
                StillPossibleCents = teams.Sum(t => t.StillPossibleCents),
            },
            AsOf = BezwaarMapper.Iso(today),
        };
    }

    /// <summary>Open bezwaren of the caller's area team, the earliest beslistermijn first; suspended ones (no term) last.</summary>
    [Authorize(Roles = Roles.BezwaarBeroep)]
    [PersonalData("bezwaarberoep")]
    public override async Task<ListBezwaarDeadlinesResponse> ListBezwaarDeadlines(ListBezwaarDeadlinesRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Parse(request.PageToken, request.PageSize);
        var team = context.GetHttpContext().User.TeamOf() ?? throw RpcErrors.PermissionDenied(AccessReasons.AreaTeam, "the caller belongs to no area team");
        var page = await db.Bezwaren.AsNoTracking()
            .Where(b => b.AreaTeam == team && b.Status == BezwaarStatus.InBehandeling)
            .OrderBy(b => b.BeslistermijnEndsOn == null).ThenBy(b => b.BeslistermijnEndsOn).ThenBy(b => b.ReceivedOn).ThenBy(b => b.BezwaarId)
            .Skip(offset).Take(size + 1)
            .ToListAsync(context.CancellationToken);
        return new ListBezwaarDeadlinesResponse
        {
            Bezwaren = { page.Take(size).Select(BezwaarMapper.ToProto) },
            NextPageToken = ContactMapper.NextToken(offset, size, page.Count),
        };
    }
}
