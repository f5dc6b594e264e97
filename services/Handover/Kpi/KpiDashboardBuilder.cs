using Uwv.Contracts.Events;
using Uwv.Contracts.Handover.V1;
using M = Uwv.Handover.Kpi.KpiMetrics;
using Division = Uwv.Contracts.Common.V1.Division;

namespace Uwv.Handover.Kpi;

/// <summary>The summed counters of a query, and what is read live (gauges, overdue handovers).</summary>
public sealed record KpiTotals(
    IReadOnlyDictionary<(int From, int To, string Metric), long> Sums,
    IReadOnlyDictionary<(string Team, int Division), long> Arrivals,
    IReadOnlyList<(string Team, int Division, string Metric, long Value)> Gauges,
    IReadOnlyList<int> WorkingDaysPastDue,
    long DossiersWithoutOwner,
    int DaysInPeriod,
    IReadOnlyDictionary<(string Team, int From, int To, string Metric), long>? ByTeam = null)
{
    /// <summary>The counters of the per-team measures (<see cref="KpiMetrics.IsPerTeam"/>) per area team, division pair and metric.</summary>
    public IReadOnlyDictionary<(string Team, int From, int To, string Metric), long> PerTeam { get; } =
        ByTeam ?? new Dictionary<(string Team, int From, int To, string Metric), long>();
}

/// <summary>Turns the totals into the dashboard: pure arithmetic, aggregates only (no client, no name).</summary>
public static class KpiDashboardBuilder
{
    public static KpiDashboard Build(KpiTotals t)
    {
        long Sum(string metric) => t.Sums.Where(s => s.Key.Metric == metric).Sum(s => s.Value);
        static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

        var d = new KpiDashboard();
        d.Handovers.AddRange(t.Sums.Where(s => s.Key.Metric == M.Transferred && s.Value > 0)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key.From).ThenBy(s => s.Key.To)
            .Select(s => new DivisionPairCount { FromDivision = (Division)s.Key.From, ToDivision = (Division)s.Key.To, Count = s.Value }));

        var transferred = Sum(M.Transferred);
        var required = Sum(M.NazorgRequired);
        var done = Sum(M.NazorgDone);
        d.NazorgCompliance = new NazorgCompliance
        {
            Transferred = transferred, NazorgRequired = required, NazorgDoneBeforeTransfer = done,
            Overridden = Sum(M.NazorgOverridden), Compliance = Share(done, required),
        };
        var with = Sum(M.NazorgWith);
        d.NazorgReach = new NazorgReach
        {
            WithNazorg = with,
            ReachedAtAttempt1 = Share(Sum(M.NazorgReachedPrefix + 1), with),
            ReachedAtAttempt2 = Share(Sum(M.NazorgReachedPrefix + 2), with),
            ReachedAtAttempt3 = Share(Sum(M.NazorgReachedPrefix + 3), with),
            ReachedLater = Share(Sum(M.NazorgReachedLater), with),
            WrittenMessage = Share(Sum(M.NazorgWritten), with),
        };
        var latency = Histogram(t, M.AcceptanceLatencyPrefix);
        d.AcceptanceLatency = new AcceptanceLatency
        {
            Accepted = Sum(M.Accepted),
            P50OfficeHours = LatencyHistogram.Percentile(latency, 0.50),
            P85OfficeHours = LatencyHistogram.Percentile(latency, 0.85),
        };
        d.Unaccepted = Unaccepted(t);
        var handedOver = Sum(M.DossiersHandedOver);
        var pingPonged = Sum(M.DossiersPingPonged);
        d.PingPong = new PingPongRate
        {
            DossiersHandedOver = handedOver, DossiersWithPingPong = pingPonged, Direct = Sum(M.PingPongDirect),
            Indirect = Sum(M.PingPongIndirect), Rate = Share(pingPonged, handedOver), CasusoverlegFlags = Sum(M.Casusoverleg),
        };
        var returned = Sum(M.Returned);
        d.Returned = new ReturnedRate { Transferred = transferred, Returned = returned, Rate = Share(returned, transferred) };
        d.Returned.Reasons.AddRange(t.Sums.Where(s => s.Key.Metric.StartsWith(M.ReturnedReasonPrefix, StringComparison.Ordinal))
            .GroupBy(s => s.Key.Metric[M.ReturnedReasonPrefix.Length..])
            .Select(g => new ReasonCount { Reason = g.Key, Count = g.Sum(s => s.Value) })
            .Where(r => r.Count > 0)
            .OrderByDescending(r => r.Count).ThenBy(r => r.Reason, StringComparer.Ordinal));
        var firstTimeRight = handedOver - Sum(M.DossiersNotFirstTimeRight);
        d.FirstTimeRight = new FirstTimeRight { DossiersHandedOver = handedOver, FirstTimeRight_ = firstTimeRight, Share = Share(firstTimeRight, handedOver) };
        d.FlowTime.AddRange(FlowTimes(t));
        d.FlowLoad.AddRange(FlowLoads(t));
        var answered = Sum(M.VerzoekAnswered);
        d.Herbeoordelingsverzoeken = new Herbeoordelingsverzoeken
        {
            Opened = Sum(M.VerzoekOpened), Answered = answered,
            P85AnswerOfficeHours = LatencyHistogram.Percentile(Histogram(t, M.VerzoekLatencyPrefix), 0.85),
            ShareAoChanged = Share(Sum(M.VerzoekAoChanged), answered),
        };
        d.Escalations = new Escalations
        {
            Fired = Sum(M.EscalationsFired), Resolved = Sum(M.EscalationsResolved),
            StillOpen = Sum(M.EscalationsFired) - Sum(M.EscalationsResolved),
        };
        d.ReintegratieOwners = ReintegratieOwners(t);
        MeasuresBuilder.Add(d, t.PerTeam);
        return d;
    }

    private static ReintegratieOwners ReintegratieOwners(KpiTotals t)
    {
        var byTeam = t.Gauges.Where(g => g.Metric == M.WgaWithoutReintegratieOwner)
            .GroupBy(g => g.Team)
            .Select(g => new TeamCount { AreaTeam = g.Key, Count = g.Sum(x => x.Value) })
            .OrderBy(c => c.AreaTeam, StringComparer.Ordinal)
            .ToList();
        var owners = new ReintegratieOwners { WgaClientsWithoutOwner = byTeam.Sum(c => c.Count) };
        owners.ByTeam.AddRange(byTeam);
        return owners;
    }

    private static Dictionary<int, long> Histogram(KpiTotals t, string prefix) =>
        t.Sums.Where(s => s.Key.Metric.StartsWith(prefix, StringComparison.Ordinal))
            .GroupBy(s => int.Parse(s.Key.Metric.AsSpan(prefix.Length), System.Globalization.CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Value));

    private static UnacceptedHandovers Unaccepted(KpiTotals t)
    {
        var u = new UnacceptedHandovers { OpenPastSla = t.WorkingDaysPastDue.Count, DossiersWithoutOwner = t.DossiersWithoutOwner };
        (string Label, int Max)[] buckets = [("0-1 working days past due", 1), ("2-5", 5), ("6-10", 10), ("over 10", int.MaxValue)];
        var lower = int.MinValue;
        foreach (var (label, max) in buckets)
        {
            u.ByAge.Add(new AgeBucket { Age = label, Count = t.WorkingDaysPastDue.Count(d => d > lower && d <= max) });
            lower = max;
        }
        return u;
    }

    private static IEnumerable<FlowTime> FlowTimes(KpiTotals t) =>
        t.Sums.Where(s => s.Key.Metric is M.FlowEpisodes or M.FlowMinutes or M.FlowWaitMinutes)
            .GroupBy(s => s.Key.To)
            .Select(g =>
            {
                long Of(string metric) => g.Where(s => s.Key.Metric == metric).Sum(s => s.Value);
                var episodes = Of(M.FlowEpisodes);
                var minutes = Of(M.FlowMinutes);
                return new FlowTime
                {
                    Division = (Division)g.Key,
                    Episodes = episodes,
                    MeanFlowOfficeHours = episodes == 0 ? 0 : minutes / 60.0 / episodes,
                    Efficiency = minutes == 0 ? 1 : (double)(minutes - Of(M.FlowWaitMinutes)) / minutes,
                };
            })
            .Where(f => f.Episodes > 0)
            .OrderBy(f => f.Division);

    private static IEnumerable<FlowLoad> FlowLoads(KpiTotals t)
    {
        var keys = t.Gauges.Where(g => g.Metric == M.OpenDossiers).Select(g => (g.Team, g.Division))
            .Concat(t.Arrivals.Keys).Distinct().OrderBy(k => k.Team, StringComparer.Ordinal).ThenBy(k => k.Division);
        foreach (var (team, division) in keys)
        {
            yield return new FlowLoad
            {
                AreaTeam = team,
                Division = (Division)division,
                OpenDossiers = t.Gauges.Where(g => g.Metric == M.OpenDossiers && g.Team == team && g.Division == division).Sum(g => g.Value),
                ArrivalsPerDay = t.DaysInPeriod == 0 ? 0 : t.Arrivals.GetValueOrDefault((team, division)) / (double)t.DaysInPeriod,
            };
        }
    }
}
