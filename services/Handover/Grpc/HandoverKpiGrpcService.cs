using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using Uwv.Handover.Data;
using Uwv.Handover.Domain;
using Uwv.Handover.Kpi;
using Uwv.ServiceDefaults.Audit;
using Uwv.ServiceDefaults.Auth;
using Uwv.Calendar;
using Uwv.ServiceDefaults.Grpc;
using Uwv.ServiceDefaults.Persistence;

namespace Uwv.Handover.Grpc;

/// <summary>
/// The cross-division KPIs, as aggregates only. A manager sees every area team; a teamleider their own team.
/// The counters are summed per query (month rollups plus edge days), so the cost does not grow with the history.
/// </summary>
[Authorize(Roles = Roles.Manager + "," + Roles.Teamleider)]
public sealed class HandoverKpiGrpcService(HandoverDbContext db, KpiStore store, OfficeHours office, TimeProvider clock) : HandoverKpiService.HandoverKpiServiceBase
{
    public const int MaxPeriodDays = 3700;

    [NoPersonalData("aggregates only: counts and durations per team and division, no client or employee")]
    public override async Task<GetKpiDashboardResponse> GetKpiDashboard(GetKpiDashboardRequest request, ServerCallContext context)
    {
        var query = Validate(request, context.GetHttpContext().User);
        var dashboard = KpiDashboardBuilder.Build(await TotalsAsync(query, context.CancellationToken));
        return new GetKpiDashboardResponse { Dashboard = dashboard };
    }

    /// <summary>Everything a dashboard shows, read with a bounded number of indexed queries.</summary>
    /// <remarks>
    /// One read transaction, so every figure comes from the same snapshot. On PostgreSQL parallel workers are switched
    /// off for it: each branch reads a few hundred rows, and starting workers would cost more than the reading.
    /// </remarks>
    public Task<KpiTotals> TotalsAsync(KpiQuery q, CancellationToken ct) =>
        db.ReadInTransactionAsync(async attempt =>
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlRawAsync("SET LOCAL max_parallel_workers_per_gather = 0", attempt);
            }
            return await ReadTotalsAsync(q, attempt);
        }, ct);

    private async Task<KpiTotals> ReadTotalsAsync(KpiQuery q, CancellationToken ct)
    {
        var sums = await store.SumAsync(q, ct);
        var arrivals = await store.ArrivalsAsync(q, ct);
        var gauges = await store.GaugesAsync(q.Team, ct);
        var now = clock.GetUtcNow();
        var overdue = db.Handovers.AsNoTracking()
            .Where(h => (h.State == HandoverStates.Transferred || h.State == HandoverStates.Escalated) && h.DueAt < now);
        if (q.Team is not null)
        {
            overdue = overdue.Where(h => h.Team == q.Team);
        }
        if (q.FromDivision is { } from)
        {
            overdue = overdue.Where(h => h.FromDivision == from);
        }
        if (q.ToDivision is { } to)
        {
            overdue = overdue.Where(h => h.ToDivision == to);
        }
        var today = office.DateOf(now);
        var pastDue = (await overdue.Select(h => h.DueAt).ToListAsync(ct))
            .Select(due => office.WorkingDays.CountWorkingDaysBetween(office.DateOf(due!.Value), today)).ToList();
        var ownerless = gauges.Where(g => g.Metric == KpiMetrics.LineagesWithoutOneOwner).Sum(g => g.Value);
        var perTeam = await store.SumPerTeamAsync(q, ct);
        return new KpiTotals(sums, arrivals, gauges, pastDue, ownerless, q.To.DayNumber - q.From.DayNumber + 1, perTeam);
    }

    private static KpiQuery Validate(GetKpiDashboardRequest request, System.Security.Claims.ClaimsPrincipal user)
    {
        var team = Require.OptionalText(request.AreaTeam, "area_team", 64);
        if (!user.RoleNames().Contains(Roles.Manager))
        {
            team ??= user.TeamOf();
            TeamScope.EnsureSameTeam(user, team ?? "");
        }
        var from = Require.Date(request.FromDate, "from_date");
        var to = Require.Date(request.ToDate, "to_date");
        if (to < from)
        {
            throw RpcErrors.InvalidArgument("to_date", "must not be before from_date");
        }
        if (to.DayNumber - from.DayNumber >= MaxPeriodDays)
        {
            throw RpcErrors.InvalidArgument("to_date", $"the period is at most {MaxPeriodDays} days");
        }
        return new KpiQuery(team, from, to, Division(request.FromDivision, "from_division"), Division(request.ToDivision, "to_division"));
    }

    private static DivisionCode? Division(Contracts.Common.V1.Division value, string field)
    {
        if (value == Contracts.Common.V1.Division.Unspecified)
        {
            return null;
        }
        return (DivisionCode)Require.Defined(value, field);
    }
}
