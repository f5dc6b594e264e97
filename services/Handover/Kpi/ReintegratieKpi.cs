using Uwv.Contracts.Events;
using M = Uwv.Handover.Kpi.KpiMetrics;

namespace Uwv.Handover.Kpi;

/// <summary>What the KPI projection remembers of one client's re-integratie ownership.</summary>
public sealed record WgaClientKpi(Guid ClientId, string Team, bool NeedsOwner, long Version);

/// <summary>
/// "WGA clients without a re-integratie owner" (goal 0), per area team: a gauge kept from SMZ's
/// <see cref="ReintegratieOwnerChanged"/> (the whole state with a version). Order-tolerant: an older or repeated
/// version changes nothing; a client who moved teams is counted in the new team only. Pure.
/// </summary>
public static class ReintegratieKpi
{
    public static (WgaClientKpi? Next, IReadOnlyList<GaugeDelta> Gauges) Apply(WgaClientKpi? known, ReintegratieOwnerChanged e)
    {
        if (known is not null && known.Version >= e.Version)
        {
            return (null, []);
        }
        var gauges = new List<GaugeDelta>();
        if (known is { NeedsOwner: true })
        {
            gauges.Add(new GaugeDelta(known.Team, M.NoDivision, M.WgaWithoutReintegratieOwner, -1));
        }
        if (e.NeedsOwner)
        {
            gauges.Add(new GaugeDelta(e.AreaTeam, M.NoDivision, M.WgaWithoutReintegratieOwner, 1));
        }
        return (new WgaClientKpi(e.ClientId, e.AreaTeam, e.NeedsOwner, e.Version), gauges);
    }
}
